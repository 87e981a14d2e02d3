namespace Tokencast.Core.Calibration;

/// <summary>Prefix cache reuse of a sequence of requests under one cache lifetime.</summary>
/// <param name="TimeToLive">Cache lifetime since a block's last use, or null for an unbounded cache.</param>
/// <param name="RequestCount">Requests with prefix block hashes.</param>
/// <param name="RequestsWithHit">Requests whose first block was in the cache.</param>
/// <param name="InputTokens">Input tokens of those requests.</param>
/// <param name="ReusedTokens">Input tokens served from the cache.</param>
public sealed record PrefixCacheResult(
    TimeSpan? TimeToLive,
    long RequestCount,
    long RequestsWithHit,
    long InputTokens,
    long ReusedTokens)
{
    /// <summary>Token-weighted hit fraction: reused tokens / input tokens.</summary>
    public double TokenHitFraction => InputTokens == 0 ? 0 : (double)ReusedTokens / InputTokens;

    /// <summary>Share of requests with at least one reused block.</summary>
    public double RequestHitShare => RequestCount == 0 ? 0 : (double)RequestsWithHit / RequestCount;
}
