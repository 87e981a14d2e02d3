namespace Tokencast.Core.Simulation;

/// <summary>
/// Per-token prices in USD of one long-context tier, as doubles for the Monte Carlo kernels. A tier
/// applies to a call whose whole prompt (uncached input plus both cache kinds) is strictly above
/// <see cref="AboveTokens"/>.
/// </summary>
public sealed record CallPriceTier(
    long AboveTokens,
    double UncachedInput,
    double CacheRead,
    double CacheWrite5Minutes,
    double CacheWrite1Hour,
    double Output,
    double ReasoningOutput);
