namespace Tokencast.Host;

/// <summary>What one host accepts, so that one caller cannot take the whole cluster.</summary>
/// <param name="MaxScenarioBytes">Largest scenario text, in UTF-8 bytes.</param>
/// <param name="MaxTrials">Most trials per branch in one run.</param>
/// <param name="MaxConcurrentRuns">Most runs going on at once in the cluster.</param>
/// <param name="MaxRunBytes">Most memory one run may take by <see cref="RunFootprint.Estimate"/>.</param>
public sealed record HostLimits(
    int MaxScenarioBytes = 1 << 20, int MaxTrials = 200_000, int MaxConcurrentRuns = 2, long MaxRunBytes = 4L << 30)
{
    /// <summary>Throws when a limit is not a positive number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public void Check()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxScenarioBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTrials);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentRuns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRunBytes);
    }
}
