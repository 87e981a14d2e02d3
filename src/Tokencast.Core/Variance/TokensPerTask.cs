namespace Tokencast.Core.Variance;

/// <summary>
/// Mean tokens per task in each bucket.
/// </summary>
/// <param name="UncachedInput">Mean input tokens neither read from nor written to a prompt cache.</param>
/// <param name="CacheRead">Mean input tokens served from a prompt cache.</param>
/// <param name="CacheWrite">Mean input tokens written to a prompt cache.</param>
/// <param name="Output">Mean output tokens, reasoning included.</param>
public readonly record struct TokensPerTask(
    decimal UncachedInput, decimal CacheRead, decimal CacheWrite, decimal Output)
{
    /// <summary>Mean tokens per task over all four buckets.</summary>
    public decimal Total => UncachedInput + CacheRead + CacheWrite + Output;

    /// <summary>Divides token totals by a task count, bucket by bucket.</summary>
    public static TokensPerTask Mean(TokenCounts totals, decimal tasks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tasks);
        return new TokensPerTask(
            totals.UncachedInput / tasks,
            totals.CacheRead / tasks,
            totals.CacheWrite / tasks,
            totals.Output / tasks);
    }
}
