using Tokencast.Core.Pricing;
using Tokencast.Core.Usage;

namespace Tokencast.Core.Tests.Pricing;

public class CallCostTests
{
    private static readonly PerMillionTokenPrices OpenAiStyle = new()
    {
        InputPerMillionTokens = 2.50m,
        CacheReadPerMillionTokens = 1.25m,
        OutputPerMillionTokens = 10m,
    };

    private static readonly PerMillionTokenPrices AnthropicStyle = new()
    {
        InputPerMillionTokens = 3m,
        CacheWrite5MinutesPerMillionTokens = 3.75m,
        CacheReadPerMillionTokens = 0.30m,
        OutputPerMillionTokens = 15m,
    };

    private static decimal Cost(PerMillionTokenPrices prices, ReportedUsage usage, ServiceTier tier = ServiceTier.Standard) =>
        CallCost.Calculate(TestPrices.Model(prices), UsageConverter.ToBuckets(usage), tier).TotalUsd;

    [Fact]
    public void Calculate_OpenAiCachedPrompt_CountsCacheOnce()
    {
        // 86 x 2.50 + 1,920 x 1.25 + 300 x 10 = 215 + 2,400 + 3,000 = 5,615 per million.
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.OpenAi, InputTokens = 2_006, CacheReadTokens = 1_920, OutputTokens = 300,
        };

        Assert.Equal(0.005615m, Cost(OpenAiStyle, usage));
    }

    [Fact]
    public void Calculate_AnthropicCacheWrite_NotCountedAsInput()
    {
        // 3 x 3 + 12,304 x 3.75 + 550 x 15 = 9 + 46,140 + 8,250 = 54,399 per million.
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.Anthropic, InputTokens = 3, CacheWriteTokens = 12_304, OutputTokens = 550,
        };

        Assert.Equal(0.054399m, Cost(AnthropicStyle, usage));
    }

    [Fact]
    public void Calculate_AllCacheWrite_WritePriceReplacesInputPrice()
    {
        // 1,000 x 3.75 = 3,750 per million; the input price is not added.
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.Anthropic, InputTokens = 0, CacheWriteTokens = 1_000, OutputTokens = 0,
        };

        Assert.Equal(0.00375m, Cost(AnthropicStyle, usage));
    }

    [Fact]
    public void Calculate_OpenAiCacheInclusiveInput_KeepsPromptSize()
    {
        // 207 x 2.50 + 1,792 x 1.25 = 517.5 + 2,240 = 2,757.5 per million.
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.OpenAi, InputTokens = 1_999, CacheReadTokens = 1_792, OutputTokens = 0,
        };
        var buckets = UsageConverter.ToBuckets(usage);

        Assert.Equal(0.0027575m, Cost(OpenAiStyle, usage));
        Assert.Equal(1_999, buckets.PromptTokens);
        Assert.Equal(207, buckets.UncachedInput);
    }

    [Fact]
    public void Calculate_AnthropicSmallInputLargeCacheRead_NotNegative()
    {
        // 19 x 3 + 39,000 x 0.30 = 57 + 11,700 = 11,757 per million.
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.Anthropic, InputTokens = 19, CacheReadTokens = 39_000, OutputTokens = 0,
        };

        Assert.Equal(0.011757m, Cost(AnthropicStyle, usage));
        Assert.Equal(19, UsageConverter.ToBuckets(usage).UncachedInput);
    }

    [Fact]
    public void Calculate_OneHourWrites_UseOneHourPrice()
    {
        // 600,000 x 6.25 + 400,000 x 10 = 3.75 + 4.00 USD.
        var prices = new PerMillionTokenPrices
        {
            CacheWrite5MinutesPerMillionTokens = 6.25m, CacheWrite1HourPerMillionTokens = 10m,
        };
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.Anthropic, InputTokens = 0, OutputTokens = 0,
            CacheWrite5MinutesTokens = 600_000, CacheWrite1HourTokens = 400_000,
        };

        Assert.Equal(7.75m, Cost(prices, usage));
    }

    [Fact]
    public void Calculate_OneHourWriteWithoutPrice_RejectsNamingBucket()
    {
        var prices = new PerMillionTokenPrices { CacheWrite5MinutesPerMillionTokens = 6.25m };
        var usage = new UsageBuckets { CacheWrite1Hour = 10 };

        var error = Assert.Throws<InvalidInputException>(
            () => CallCost.Calculate(TestPrices.Model(prices), usage, ServiceTier.Standard));

        Assert.Contains("CacheWrite1Hour", error.Message, StringComparison.Ordinal);
        Assert.Contains("cache_creation_input_token_cost_above_1hr", error.Message, StringComparison.Ordinal);
        Assert.Contains("test-model", error.Message, StringComparison.Ordinal);
    }

    private static readonly PerMillionTokenPrices LongContext = new()
    {
        InputPerMillionTokens = 3m,
        OutputPerMillionTokens = 15m,
        CacheReadPerMillionTokens = 0.30m,
        CacheWrite5MinutesPerMillionTokens = 3.75m,
        CacheWrite1HourPerMillionTokens = 6m,
        LongContext = new LongContextPrices(200_000, new PerMillionTokenPrices
        {
            InputPerMillionTokens = 6m,
            OutputPerMillionTokens = 22.5m,
            CacheReadPerMillionTokens = 0.60m,
            CacheWrite5MinutesPerMillionTokens = 7.50m,
            CacheWrite1HourPerMillionTokens = 12m,
        }),
    };

    [Theory]
    // 300,000 x 6 = 1.80 USD; the whole call moves to the upper tier.
    [InlineData(300_000, "1.80")]
    // Exactly 200,000 stays in the lower tier: 200,000 x 3 = 0.60 USD.
    [InlineData(200_000, "0.60")]
    // One token above: 200,001 x 6 = 1.200006 USD.
    [InlineData(200_001, "1.200006")]
    [InlineData(199_999, "0.599997")]
    public void Calculate_LongContextThreshold_BillsWholeCallInTier(long inputTokens, string expected)
    {
        var usage = new UsageBuckets { UncachedInput = inputTokens };

        var cost = CallCost.Calculate(TestPrices.Model(LongContext), usage, ServiceTier.Standard);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cost.TotalUsd);
    }

    [Fact]
    public void Calculate_CacheBucketsAboveThreshold_UseUpperTier()
    {
        // 240,000 x 0.60 + 5,000 x 7.50 = 0.144 + 0.0375 = 0.1815 USD for the cache part;
        // the 5,000 uncached tokens add 5,000 x 6 = 0.03 USD.
        var usage = new UsageBuckets { UncachedInput = 5_000, CacheRead = 240_000, CacheWrite5Minutes = 5_000 };

        var cost = CallCost.Calculate(TestPrices.Model(LongContext), usage, ServiceTier.Standard);

        var cachePart = cost.BucketCostsUsd[TokenBucket.CacheRead] + cost.BucketCostsUsd[TokenBucket.CacheWrite5Minutes];
        Assert.Equal(0.1815m, cachePart);
        Assert.Equal(0.2115m, cost.TotalUsd);
        Assert.Equal(200_000, cost.TierAbovePromptTokens);
    }

    [Fact]
    public void Calculate_CacheReadsPushPromptOverThreshold_UpperTier()
    {
        // Uncached input is small, but the whole prompt of 200,001 picks the tier:
        // 1 x 6 + 200,000 x 0.60 = 120.000006 per million.
        var usage = new UsageBuckets { UncachedInput = 1, CacheRead = 200_000 };

        var cost = CallCost.Calculate(TestPrices.Model(LongContext), usage, ServiceTier.Standard);

        Assert.Equal(0.120006m, cost.TotalUsd);
    }

    [Fact]
    public void Calculate_OneHourWritesAboveThreshold_UseUpperOneHourPrice()
    {
        // 250,000 x 12 = 3.00 USD (not 5-minute 7.50, not base 6).
        var usage = new UsageBuckets { CacheWrite1Hour = 250_000 };

        var cost = CallCost.Calculate(TestPrices.Model(LongContext), usage, ServiceTier.Standard);

        Assert.Equal(3.00m, cost.TotalUsd);
    }

    [Fact]
    public void Calculate_TierWithoutBucketPrice_InheritsBaseTierPrice()
    {
        // The upper tier gives only an input price. Reasoning has no price of its own, so it uses
        // the output price, which the upper tier inherits from the base tier (15):
        // 300,000 x 6 + 1,000 x 15 = 1.8 + 0.015 = 1.815 USD.
        var usage = new UsageBuckets { UncachedInput = 300_000, ReasoningOutput = 1_000 };
        var prices = LongContext with
        {
            LongContext = new LongContextPrices(200_000, new PerMillionTokenPrices { InputPerMillionTokens = 6m }),
        };

        var cost = CallCost.Calculate(TestPrices.Model(prices), usage, ServiceTier.Standard);

        Assert.Equal(1.815m, cost.TotalUsd);
    }

    [Fact]
    public void Calculate_OpenAiReasoning_CountedOnce()
    {
        // 14,746 x 30 + 1,944 x 180 = 442,380 + 349,920 = 792,300 per million.
        var prices = new PerMillionTokenPrices { InputPerMillionTokens = 30m, OutputPerMillionTokens = 180m };
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.OpenAi, InputTokens = 14_746, OutputTokens = 1_944, ReasoningTokens = 1_360,
        };

        Assert.Equal(0.7923m, Cost(prices, usage));
    }

    [Fact]
    public void Calculate_ReasoningPrice_UsedWhenGiven()
    {
        // 584 visible x 180 + 1,360 reasoning x 60 = 105,120 + 81,600 = 186,720 per million.
        var prices = new PerMillionTokenPrices
        {
            InputPerMillionTokens = 30m, OutputPerMillionTokens = 180m, ReasoningPerMillionTokens = 60m,
        };
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.OpenAi, InputTokens = 0, OutputTokens = 1_944, ReasoningTokens = 1_360,
        };

        Assert.Equal(0.18672m, Cost(prices, usage));
    }

    [Fact]
    public void Calculate_GeminiThoughts_BilledAsOutput()
    {
        // 55,021 x 1.25 + (923 + 785) x 10 = 68,776.25 + 17,080 per million.
        var prices = new PerMillionTokenPrices { InputPerMillionTokens = 1.25m, OutputPerMillionTokens = 10m };
        var usage = new ReportedUsage
        {
            Convention = UsageConvention.Gemini, InputTokens = 55_021, OutputTokens = 923, ReasoningTokens = 785,
            TotalTokens = 56_729,
        };

        Assert.Equal(0.08585625m, Cost(prices, usage));
    }

    private static readonly PerMillionTokenPrices WithBatch = new()
    {
        InputPerMillionTokens = 2m,
        OutputPerMillionTokens = 8m,
        Batch = new PerMillionTokenPrices { InputPerMillionTokens = 1m, OutputPerMillionTokens = 4m },
    };

    [Theory]
    // 1,000,000 x 1 + 200,000 x 4 = 1.80 USD in batch; 2 + 1.6 = 3.60 USD standard.
    [InlineData(ServiceTier.Batch, "1.80")]
    [InlineData(ServiceTier.Standard, "3.60")]
    public void Calculate_ServiceTier_UsesItsPrices(ServiceTier tier, string expected)
    {
        var usage = new UsageBuckets { UncachedInput = 1_000_000, Output = 200_000 };

        var cost = CallCost.Calculate(TestPrices.Model(WithBatch), usage, tier);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cost.TotalUsd);
    }

    [Fact]
    public void Calculate_BatchWithoutBatchPrices_RejectsNamingModel()
    {
        var usage = new UsageBuckets { UncachedInput = 1_000 };

        var error = Assert.Throws<InvalidInputException>(
            () => CallCost.Calculate(TestPrices.Model(OpenAiStyle), usage, ServiceTier.Batch));

        Assert.Contains("test-model", error.Message, StringComparison.Ordinal);
        Assert.Contains("input_cost_per_token_batches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_BatchCacheReadWithoutBatchPrice_RejectsNamingBucket()
    {
        var usage = new UsageBuckets { UncachedInput = 1_000, CacheRead = 10 };

        var error = Assert.Throws<InvalidInputException>(
            () => CallCost.Calculate(TestPrices.Model(WithBatch), usage, ServiceTier.Batch));

        Assert.Contains("cache_read_input_token_cost_batches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_PerMillionPrice_DividedExactly()
    {
        // 10,000 x 3.00 / 1,000,000 = 0.03 USD.
        var prices = new PerMillionTokenPrices { InputPerMillionTokens = 3.00m };

        var cost = CallCost.Calculate(TestPrices.Model(prices), new UsageBuckets { UncachedInput = 10_000 },
            ServiceTier.Standard);

        Assert.Equal(0.03m, cost.TotalUsd);
    }

    [Fact]
    public void Calculate_PerTokenDecimalPrices_ExactWithoutBinaryError()
    {
        // 10 x 0.000003 + 100 x 0.000015 = 0.00003 + 0.0015 = 0.00153 exactly.
        var catalog = TestPrices.CatalogFromJson(
            """{"m": {"input_cost_per_token": 3e-6, "output_cost_per_token": 1.5e-5}}""");
        var usage = new UsageBuckets { UncachedInput = 10, Output = 100 };

        var cost = CallCost.Calculate(catalog.Resolve("m", TestPrices.Day), usage, ServiceTier.Standard);

        Assert.Equal(0.00153m, cost.TotalUsd);
        Assert.Equal("0.00153", cost.TotalUsd.ToString("0.#########", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Calculate_ManySmallCalls_SumWithoutRounding()
    {
        // each call is 20 x 0.50 + 5 x 1.50 = 17.5 per million; 10,000 calls = 0.175 USD.
        // Rounding each call to cents first would give 0.
        var prices = TestPrices.Model(new PerMillionTokenPrices
        {
            InputPerMillionTokens = 0.50m, OutputPerMillionTokens = 1.50m,
        });
        var usage = new UsageBuckets { UncachedInput = 20, Output = 5 };

        var total = Enumerable.Range(0, 10_000)
            .Sum(_ => CallCost.Calculate(prices, usage, ServiceTier.Standard).TotalUsd);

        Assert.Equal(0.175m, total);
    }

    [Fact]
    public void Calculate_PerRequestFee_AddedOnce()
    {
        // 1,000 x 3 per million + 0.005 fee = 0.003 + 0.005.
        var prices = new PerMillionTokenPrices { InputPerMillionTokens = 3m, PerRequestUsd = 0.005m };

        var cost = CallCost.Calculate(TestPrices.Model(prices), new UsageBuckets { UncachedInput = 1_000 },
            ServiceTier.Standard);

        Assert.Equal(0.008m, cost.TotalUsd);
        Assert.Equal(0.005m, cost.RequestFeeUsd);
    }

    [Fact]
    public void Calculate_NegativeBucket_Rejects()
    {
        var prices = TestPrices.Model(OpenAiStyle);

        Assert.Throws<InvalidInputException>(
            () => CallCost.Calculate(prices, new UsageBuckets { UncachedInput = -1 }, ServiceTier.Standard));
    }
}
