namespace Tokencast.Core.Calibration;

/// <summary>
/// Replays requests through a prefix cache keyed by block hash, to measure how much input could be
/// served as cache reads.
/// </summary>
/// <remarks>
/// Requests are taken in time order, ties in input order. Requests without a timestamp come first,
/// which matters only for an unbounded cache, because a lifetime requires timestamps. A request
/// reuses its leading blocks up to the first block that is not cached, k blocks in all, and is credited
/// min(k × block size, input tokens) reused tokens, because its last block is usually partly filled.
/// Afterwards every block of the request is cached, or refreshed, at the request's arrival time. With a
/// lifetime, a block is cached only while less than that time has passed since its last use.
/// </remarks>
public static class PrefixCacheSimulator
{
    /// <summary>Replays the requests that have prefix block hashes.</summary>
    /// <param name="observations">Requests; those without hashes are left out.</param>
    /// <param name="blockTokens">Tokens per prefix block.</param>
    /// <param name="timeToLive">Cache lifetime, or null for an unbounded cache.</param>
    /// <exception cref="ArgumentException">
    /// A lifetime is given but a request with hashes has no timestamp.
    /// </exception>
    public static PrefixCacheResult Simulate(
        IEnumerable<TokenObservation> observations, int blockTokens, TimeSpan? timeToLive)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockTokens);

        var requests = observations.Where(o => o.PrefixBlockHashes is not null).ToList();
        if (timeToLive is not null && requests.Any(o => o.Timestamp is null))
        {
            throw new ArgumentException(
                "A cache lifetime needs a timestamp on every request.", nameof(observations));
        }

        var lastUse = new Dictionary<long, DateTimeOffset>();
        long requestsWithHit = 0;
        long inputTokens = 0;
        long reusedTokens = 0;
        foreach (var request in requests.OrderBy(o => o.Timestamp ?? DateTimeOffset.MinValue))
        {
            var now = request.Timestamp ?? DateTimeOffset.MinValue;
            var hashes = request.PrefixBlockHashes!;
            var reusedBlocks = CountCachedLeadingBlocks(hashes, lastUse, now, timeToLive);
            foreach (var hash in hashes)
            {
                lastUse[hash] = now;
            }

            inputTokens += request.InputTokens;
            reusedTokens += Math.Min((long)reusedBlocks * blockTokens, request.InputTokens);
            requestsWithHit += reusedBlocks > 0 ? 1 : 0;
        }

        return new PrefixCacheResult(timeToLive, requests.Count, requestsWithHit, inputTokens, reusedTokens);
    }

    private static int CountCachedLeadingBlocks(
        IReadOnlyList<long> hashes,
        Dictionary<long, DateTimeOffset> lastUse,
        DateTimeOffset now,
        TimeSpan? timeToLive)
    {
        var count = 0;
        foreach (var hash in hashes)
        {
            var cached = lastUse.TryGetValue(hash, out var used)
                && (timeToLive is null || now - used < timeToLive);
            if (!cached)
            {
                break;
            }

            count++;
        }

        return count;
    }
}
