namespace Tokencast.Core.Variance;

/// <summary>
/// Tokens in each bucket as decimals, so they can be a mean per task or a fractional forecast total.
/// </summary>
/// <param name="UncachedInput">Input tokens neither read from nor written to a prompt cache.</param>
/// <param name="CacheRead">Input tokens served from a prompt cache.</param>
/// <param name="CacheWrite">Input tokens written to a prompt cache.</param>
/// <param name="Output">Output tokens, reasoning included.</param>
public readonly record struct TokenAmounts(
    decimal UncachedInput, decimal CacheRead, decimal CacheWrite, decimal Output)
{
    /// <summary>Tokens over all four buckets.</summary>
    public decimal Total => UncachedInput + CacheRead + CacheWrite + Output;

    /// <summary>Divides token totals by a task count, bucket by bucket.</summary>
    public static TokenAmounts Mean(TokenCounts totals, decimal tasks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tasks);
        return new TokenAmounts(
            totals.UncachedInput / tasks,
            totals.CacheRead / tasks,
            totals.CacheWrite / tasks,
            totals.Output / tasks);
    }
}
