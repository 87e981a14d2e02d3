namespace Tokencast.Core.Scenarios;

/// <summary>A model name that must be a key of the price catalog, and where the scenario uses it.</summary>
/// <param name="ModelKey">Catalog key, such as <c>claude-sonnet-4-5</c>.</param>
/// <param name="Source">Location of the value that names the model.</param>
public sealed record CatalogModelReference(string ModelKey, SourceLocation Source);
