namespace Tokencast.Core.Scenarios;

/// <summary>
/// A local price entry: an override of a catalog model or the prices of a custom model, effective from a date.
/// </summary>
/// <param name="Model">Model key the prices belong to.</param>
/// <param name="Effective">First day the prices apply, or null for always.</param>
/// <param name="Prices">Standard token prices.</param>
/// <param name="PerRequestUsd">Fixed charge per request in USD, or null.</param>
/// <param name="LongContext">Long-context prices, or null.</param>
/// <param name="Batch">Batch prices, or null.</param>
/// <param name="Source">Location of the entry.</param>
public sealed record PriceSpec(
    string Model,
    DateOnly? Effective,
    TokenPriceSet Prices,
    decimal? PerRequestUsd,
    LongContextPriceSpec? LongContext,
    TokenPriceSet? Batch,
    SourceLocation Source);
