namespace Tokencast.Core.Pricing;

/// <summary>
/// What loading a catalog did with keys it could not use as token prices, so that nothing is
/// dropped silently.
/// </summary>
/// <param name="ModelCount">Number of model entries loaded.</param>
/// <param name="UnknownKeys">Price-like keys of an unknown shape; they are ignored.</param>
/// <param name="NoBucketKeys">Per-token prices of token kinds without a bucket; they are ignored.</param>
/// <param name="NotTokenPriceKeys">Prices in other units; they are ignored for token costing.</param>
/// <param name="RejectedPrices">Per-token prices dropped as unit errors, by model.</param>
/// <param name="Conflicts">Keys that repeat a price under another name with a different value.</param>
public sealed record CatalogLoadReport(
    int ModelCount,
    IReadOnlyList<CatalogKeyNote> UnknownKeys,
    IReadOnlyList<CatalogKeyNote> NoBucketKeys,
    IReadOnlyList<CatalogKeyNote> NotTokenPriceKeys,
    IReadOnlyDictionary<string, IReadOnlyList<RejectedPrice>> RejectedPrices,
    IReadOnlyList<CatalogKeyNote> Conflicts);
