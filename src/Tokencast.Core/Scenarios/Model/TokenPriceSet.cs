namespace Tokencast.Core.Scenarios;

/// <summary>
/// Token prices in USD per million tokens. A null price keeps the value of the catalog entry it overrides.
/// </summary>
public sealed record TokenPriceSet(
    decimal? InputPerMtok,
    decimal? OutputPerMtok,
    decimal? CacheReadPerMtok,
    decimal? CacheWrite5mPerMtok,
    decimal? CacheWrite1hPerMtok,
    decimal? ReasoningPerMtok);
