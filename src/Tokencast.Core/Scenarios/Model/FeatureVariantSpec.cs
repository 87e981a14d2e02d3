namespace Tokencast.Core.Scenarios;

/// <summary>
/// Another way to run a feature, such as a shorter prompt: the feature with the keys the variant
/// replaces. The eval results file rates a variant under its name in the <c>model</c> column.
/// </summary>
/// <param name="Name">Variant name, made of <c>a-z</c>, <c>0-9</c>, <c>-</c> and <c>_</c>.</param>
/// <param name="Feature">The whole feature as the variant runs it, with the feature's id.</param>
/// <param name="Source">Location of the variant's mapping.</param>
public sealed record FeatureVariantSpec(string Name, FeatureSpec Feature, SourceLocation Source);
