namespace Tokencast.Core.Scenarios;

/// <summary>What a <see cref="ReferenceUse"/> names.</summary>
internal enum ReferenceKind
{
    Feature,
    Cohort,
    Model,

    /// <summary>The model of a price entry that sets only some prices, so it must override a catalog model.</summary>
    CatalogOverride,
}
