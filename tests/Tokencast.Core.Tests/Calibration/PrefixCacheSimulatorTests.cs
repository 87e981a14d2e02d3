using Tokencast.Core.Calibration;

namespace Tokencast.Core.Tests.Calibration;

public class PrefixCacheSimulatorTests
{
    private const int BlockTokens = 10;

    // Blocks of 10 tokens. Reused tokens per request, unbounded cache:
    //   0 s   [1, 2, 3] 25 tokens: nothing cached                         -> 0
    //   60 s  [1, 2, 4] 30 tokens: 1 and 2 cached, 4 is not               -> 20
    //   400 s [1, 2, 3] 22 tokens: all 3 cached, capped at the input      -> min(30, 22) = 22
    //   500 s [1, 5]    15 tokens: 1 cached                               -> 10
    //   500 s [9]        8 tokens: nothing cached                         -> 0
    // Total 52 of 100 tokens; 3 of 5 requests hit. With a 5-minute lifetime block 1 was last used at
    // 60 s, 340 s before the request at 400 s, so that request reuses nothing: 30 of 100 tokens, 2 of 5.
    private static readonly TokenObservation[] HandTrace =
    [
        Request(0, 25, 1, 2, 3),
        Request(60, 30, 1, 2, 4),
        Request(400, 22, 1, 2, 3),
        Request(500, 15, 1, 5),
        Request(500, 8, 9),
    ];

    public static TheoryData<int?, long, long> HandTraceCases => new()
    {
        { null, 52, 3 },
        { 300, 30, 2 },
        { 3600, 52, 3 },
    };

    [Theory]
    [MemberData(nameof(HandTraceCases))]
    public void Simulate_HandTrace_MatchesHandCount(
        int? timeToLiveSeconds, long reusedTokens, long requestsWithHit)
    {
        TimeSpan? timeToLive = timeToLiveSeconds is null ? null : TimeSpan.FromSeconds(timeToLiveSeconds.Value);

        var result = PrefixCacheSimulator.Simulate(HandTrace, BlockTokens, timeToLive);

        Assert.Equal(100, result.InputTokens);
        Assert.Equal(reusedTokens, result.ReusedTokens);
        Assert.Equal(requestsWithHit, result.RequestsWithHit);
        Assert.Equal(reusedTokens / 100.0, result.TokenHitFraction, 12);
        Assert.Equal(requestsWithHit / 5.0, result.RequestHitShare, 12);
    }

    [Fact]
    public void Simulate_HitRefreshesBlock_KeepsItPastFirstLifetime()
    {
        // Block 1 is used at 0 s, 200 s and 450 s. The hit at 200 s refreshes it, so at 450 s only
        // 250 s have passed: a hit under a 300 s lifetime, although 450 s passed since it was written.
        TokenObservation[] trace = [Request(0, 10, 1), Request(200, 10, 1), Request(450, 10, 1)];

        var result = PrefixCacheSimulator.Simulate(trace, BlockTokens, TimeSpan.FromSeconds(300));

        Assert.Equal(2, result.RequestsWithHit);
        Assert.Equal(20, result.ReusedTokens);
    }

    [Fact]
    public void Simulate_ExactlyOneLifetimeApart_IsExpired()
    {
        TokenObservation[] trace = [Request(0, 10, 1), Request(300, 10, 1)];

        var result = PrefixCacheSimulator.Simulate(trace, BlockTokens, TimeSpan.FromSeconds(300));

        Assert.Equal(0, result.RequestsWithHit);
    }

    [Fact]
    public void Simulate_OutOfOrderInput_ReplaysInTimeOrder()
    {
        // The request at 0 s comes second in the list but writes the block first.
        TokenObservation[] trace = [Request(60, 10, 1), Request(0, 10, 1)];

        var result = PrefixCacheSimulator.Simulate(trace, BlockTokens, timeToLive: null);

        Assert.Equal(10, result.ReusedTokens);
    }

    [Fact]
    public void Simulate_LifetimeWithoutTimestamps_Throws()
    {
        TokenObservation[] trace = [new("chat", null, null, 10, 1, null, [1L], SourceLine: 1)];

        Assert.Throws<ArgumentException>(
            () => PrefixCacheSimulator.Simulate(trace, BlockTokens, TimeSpan.FromMinutes(5)));
    }

    // The unbounded fractions are the published ones (0.347 and 0.322, in
    // examples/data/mooncake-fast25/SOURCE.md). The 5-minute fractions and request shares come from an
    // independent Python replay of the same rule.
    [Theory]
    [InlineData(TraceFiles.MooncakeConversation, 0.3472, 0.2812, 0.9998)]
    [InlineData(TraceFiles.MooncakeSynthetic, 0.3221, 0.2955, 0.1709)]
    public void Simulate_MooncakeSlices_MatchPublishedFractions(
        string file, double unbounded, double fiveMinutes, double requestShare)
    {
        var trace = TraceFiles.ReadMooncakeJsonl(file, "chat");

        var unboundedResult = PrefixCacheSimulator.Simulate(trace, 512, timeToLive: null);
        var fiveMinuteResult = PrefixCacheSimulator.Simulate(trace, 512, TimeSpan.FromMinutes(5));
        var oneHourResult = PrefixCacheSimulator.Simulate(trace, 512, TimeSpan.FromHours(1));

        Assert.Equal(unbounded, unboundedResult.TokenHitFraction, 0.00005);
        Assert.Equal(fiveMinutes, fiveMinuteResult.TokenHitFraction, 0.00005);
        Assert.Equal(requestShare, unboundedResult.RequestHitShare, 0.00005);
        // Both slices are shorter than an hour, so a 1-hour lifetime never expires a block.
        Assert.Equal(unboundedResult, oneHourResult with { TimeToLive = null });
    }

    private static TokenObservation Request(int seconds, long inputTokens, params long[] hashes) =>
        new("chat", null, DateTimeOffset.UnixEpoch.AddSeconds(seconds), inputTokens, 1, null, hashes, 1);
}
