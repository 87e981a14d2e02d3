namespace Tokencast.Core.Variance;

/// <summary>
/// Token counts of one task in four disjoint buckets, summed over the task's calls.
/// </summary>
/// <param name="UncachedInput">Input tokens neither read from nor written to a prompt cache.</param>
/// <param name="CacheRead">Input tokens served from a prompt cache.</param>
/// <param name="CacheWrite">Input tokens written to a prompt cache, any lifetime.</param>
/// <param name="Output">Output tokens, reasoning included.</param>
public readonly record struct TokenCounts(long UncachedInput, long CacheRead, long CacheWrite, long Output)
{
    /// <summary>All input tokens: uncached, cache read and cache write.</summary>
    public long Input => UncachedInput + CacheRead + CacheWrite;

    /// <summary>Input and output tokens together.</summary>
    public long Total => Input + Output;

    /// <summary>Adds two counts bucket by bucket.</summary>
    public static TokenCounts operator +(TokenCounts left, TokenCounts right) => new(
        left.UncachedInput + right.UncachedInput,
        left.CacheRead + right.CacheRead,
        left.CacheWrite + right.CacheWrite,
        left.Output + right.Output);
}
