using Tokencast.Core.Usage;

namespace Tokencast.Core.Tests.Usage;

public class UsageConverterTests
{
    [Fact]
    public void ToBuckets_OpenAiWithCacheAndReasoning_SplitsDisjoint()
    {
        var buckets = UsageConverter.ToBuckets(new ReportedUsage
        {
            Convention = UsageConvention.OpenAi, InputTokens = 2_006, CacheReadTokens = 1_920,
            OutputTokens = 300, ReasoningTokens = 100, TotalTokens = 2_306,
        });

        Assert.Equal(86, buckets.UncachedInput);
        Assert.Equal(1_920, buckets.CacheRead);
        Assert.Equal(200, buckets.Output);
        Assert.Equal(100, buckets.ReasoningOutput);
        Assert.Equal(2_306, buckets.TotalTokens);
    }

    [Fact]
    public void ToBuckets_AnthropicSplitWrites_KeepsTtl()
    {
        var buckets = UsageConverter.ToBuckets(new ReportedUsage
        {
            Convention = UsageConvention.Anthropic, InputTokens = 10, CacheWriteTokens = 300,
            CacheWrite5MinutesTokens = 100, CacheWrite1HourTokens = 200, OutputTokens = 5,
        });

        Assert.Equal(10, buckets.UncachedInput);
        Assert.Equal(100, buckets.CacheWrite5Minutes);
        Assert.Equal(200, buckets.CacheWrite1Hour);
    }

    [Fact]
    public void ToBuckets_OpenTelemetryCacheWrites_SubtractedFromInput()
    {
        var buckets = UsageConverter.ToBuckets(new ReportedUsage
        {
            Convention = UsageConvention.OpenTelemetry, InputTokens = 1_000, CacheReadTokens = 600,
            CacheWriteTokens = 300, OutputTokens = 50, ReasoningTokens = 20,
        });

        Assert.Equal(100, buckets.UncachedInput);
        Assert.Equal(300, buckets.CacheWrite5Minutes);
        Assert.Equal(30, buckets.Output);
        Assert.Equal(20, buckets.ReasoningOutput);
    }

    [Fact]
    public void ToBuckets_GeminiTotal_IncludesThoughts()
    {
        var buckets = UsageConverter.ToBuckets(new ReportedUsage
        {
            Convention = UsageConvention.Gemini, InputTokens = 55_021, OutputTokens = 923,
            ReasoningTokens = 785, TotalTokens = 56_729,
        });

        Assert.Equal(923, buckets.Output);
        Assert.Equal(785, buckets.ReasoningOutput);
    }

    [Fact]
    public void ToBuckets_AnthropicCountsReadAsOpenAi_RejectsNotClamps()
    {
        // Anthropic-style counts read as OpenAI-style: cache 39,000 cannot be inside an input of 19.
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.OpenAi, InputTokens = 19, CacheReadTokens = 39_000, OutputTokens = 0,
        };

        var error = Assert.Throws<InvalidInputException>(() => UsageConverter.ToBuckets(usage));

        Assert.Contains("exceed input", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UsageConvention.OpenAi, 2_000)]
    [InlineData(UsageConvention.Anthropic, 2_307)]
    [InlineData(UsageConvention.Gemini, 2_305)]
    public void ToBuckets_TotalMismatch_Rejects(UsageConvention convention, long total)
    {
        var usage = new ReportedUsage
        {
            Convention = convention, InputTokens = 2_006, CacheReadTokens = 6, OutputTokens = 300,
            TotalTokens = total,
        };

        Assert.False(UsageConverter.TryToBuckets(usage, out _, out var problems));
        Assert.Contains(problems, p => p.Contains("total tokens", StringComparison.Ordinal));
    }

    [Fact]
    public void ToBuckets_ReasoningAboveOutput_Rejects()
    {
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.OpenAi, InputTokens = 10, OutputTokens = 5, ReasoningTokens = 6,
        };

        Assert.False(UsageConverter.TryToBuckets(usage, out _, out var problems));
        Assert.Single(problems);
    }

    [Fact]
    public void ToBuckets_WriteSplitMismatch_Rejects()
    {
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.Anthropic, InputTokens = 1, OutputTokens = 1, CacheWriteTokens = 10,
            CacheWrite5MinutesTokens = 4, CacheWrite1HourTokens = 4,
        };

        Assert.False(UsageConverter.TryToBuckets(usage, out _, out _));
    }

    [Fact]
    public void ToBuckets_NegativeOrMissing_ListsAll()
    {
        var usage = new ReportedUsage { Convention = UsageConvention.OpenAi, InputTokens = -1 };

        Assert.False(UsageConverter.TryToBuckets(usage, out _, out var problems));
        Assert.Equal(2, problems.Count);
    }
}
