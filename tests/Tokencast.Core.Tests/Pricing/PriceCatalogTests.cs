using Tokencast.Core.Pricing;

namespace Tokencast.Core.Tests.Pricing;

public class PriceCatalogTests
{
    private static readonly DateOnly Day = new(2026, 8, 18);

    private static decimal Price(string model, UsageBuckets usage, ServiceTier tier = ServiceTier.Standard) =>
        CallCost.Calculate(PriceCatalog.LoadBundled().Resolve(model, Day), usage, tier).TotalUsd;

    [Fact]
    public void LoadBundled_Gpt4o_KnownPrices()
    {
        // 1,000 x 2.5e-6 + 100 x 1.25e-6 + 500 x 1e-5 = 0.0025 + 0.000125 + 0.005.
        var usage = new UsageBuckets { UncachedInput = 1_000, CacheRead = 100, Output = 500 };

        Assert.Equal(0.007625m, Price("gpt-4o", usage));
    }

    [Fact]
    public void LoadBundled_Gpt4oPriority_UsesPriorityPrices()
    {
        // 1,000 x 4.25e-6 + 500 x 1.7e-5 = 0.00425 + 0.0085.
        var usage = new UsageBuckets { UncachedInput = 1_000, Output = 500 };

        Assert.Equal(0.01275m, Price("gpt-4o", usage, ServiceTier.Priority));
    }

    [Fact]
    public void LoadBundled_ClaudeSonnet45_KnownPrices()
    {
        // 1,000 x 3e-6 + 2,000 x 3.75e-6 + 3,000 x 3e-7 + 400 x 1.5e-5 = 0.003 + 0.0075 + 0.0009 + 0.006.
        var usage = new UsageBuckets { UncachedInput = 1_000, CacheWrite5Minutes = 2_000, CacheRead = 3_000, Output = 400 };

        Assert.Equal(0.0174m, Price("claude-sonnet-4-5", usage));
    }

    [Fact]
    public void LoadBundled_ClaudeOneHourWritesAbove200k_UseUpperOneHourPrice()
    {
        // 250,000 x 1.2e-5 (cache_creation_input_token_cost_above_1hr_above_200k_tokens) = 3.00.
        Assert.Equal(3.00m, Price("claude-sonnet-4-5", new UsageBuckets { CacheWrite1Hour = 250_000 }));
    }

    [Theory]
    // 100,000 x 1.25e-6 + 1,000 x 1e-5 = 0.125 + 0.01.
    [InlineData(100_000, "0.135")]
    // 300,000 x 2.5e-6 + 1,000 x 1.5e-5 = 0.75 + 0.015.
    [InlineData(300_000, "0.765")]
    public void LoadBundled_Gemini25Pro_KnownPrices(long inputTokens, string expected)
    {
        var usage = new UsageBuckets { UncachedInput = inputTokens, Output = 1_000 };

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Price("gemini-2.5-pro", usage));
    }

    [Fact]
    public void LoadBundled_PriorityAboveThreshold_UsesPriorityUpperTier()
    {
        // gpt-5 has priority prices but no upper tier, so the priority base price applies:
        // 300,000 x 2.5e-6 = 0.75.
        var usage = new UsageBuckets { UncachedInput = 300_000 };

        Assert.Equal(0.75m, Price("gpt-5", usage, ServiceTier.Priority));
    }

    [Theory]
    // Below the threshold: 100,000 x 2e-6 + 100,000 x 4e-7 (priority cache read) = 0.2 + 0.04.
    [InlineData(100_000, "0.24")]
    // Above it every bucket moves to the priority upper tier: 150,000 x 4e-6 + 100,000 x 8e-7.
    [InlineData(150_000, "0.68")]
    public void LoadFile_PriorityTierCrossing_UsesPriorityUpperTier(long uncached, string expected)
    {
        var catalog = TestPrices.CatalogFromJson("""
            {"m": {"input_cost_per_token": 1e-6, "cache_read_input_token_cost": 2e-7,
                   "input_cost_per_token_priority": 2e-6, "cache_read_input_token_cost_priority": 4e-7,
                   "input_cost_per_token_above_200k_tokens_priority": 4e-6,
                   "cache_read_input_token_cost_above_200k_tokens_priority": 8e-7}}
            """);
        var usage = new UsageBuckets { UncachedInput = uncached, CacheRead = 100_000 };

        var cost = CallCost.Calculate(catalog.Resolve("m", Day), usage, ServiceTier.Priority);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cost.TotalUsd);
    }

    [Fact]
    public void LoadBundled_ImplausiblePrice_ModelRejectedOnUse()
    {
        var catalog = PriceCatalog.LoadBundled();

        var error = Assert.Throws<InvalidInputException>(() => CallCost.Calculate(
            catalog.Resolve("wandb/openai/gpt-oss-120b", Day), new UsageBuckets { UncachedInput = 1 },
            ServiceTier.Standard));

        Assert.Contains("input_cost_per_token", error.Message, StringComparison.Ordinal);
        Assert.Contains("unit error", error.Message, StringComparison.Ordinal);
        Assert.True(catalog.LoadReport.RejectedPrices.ContainsKey("wandb/openai/gpt-oss-120b"));
    }

    [Fact]
    public void LoadBundled_ImplausiblePriceOverridden_ModelPriced()
    {
        // Both rejected prices replaced: 1,000 x 0.15 + 1,000 x 0.60 per million = 0.00075.
        var catalog = PriceCatalog.LoadBundled().WithOverrides([PriceOverride.FromPerMillionTokens(
            "wandb/openai/gpt-oss-120b", null,
            new PerMillionTokenPrices { InputPerMillionTokens = 0.15m, OutputPerMillionTokens = 0.60m })]);

        var cost = CallCost.Calculate(catalog.Resolve("wandb/openai/gpt-oss-120b", Day),
            new UsageBuckets { UncachedInput = 1_000, Output = 1_000 }, ServiceTier.Standard);

        Assert.Equal(0.00075m, cost.TotalUsd);
    }

    [Fact]
    public void LoadBundled_UnknownKeyShape_ListedInReport()
    {
        var report = PriceCatalog.LoadBundled().LoadReport;

        Assert.Contains(report.UnknownKeys, note =>
            note.Model == "perplexity/sonar-deep-research" && note.Key == "citation_cost_per_token");
        Assert.Contains(report.NotTokenPriceKeys, note => note.Key == "input_dbu_cost_per_token");
        Assert.True(report.ModelCount > 2_900);
    }

    [Fact]
    public void LoadBundled_TieredPricing_UpperRangeApplies()
    {
        // dashscope/qwen-flash: range [256000, 1000000] at 2.5e-7: 300,000 x 2.5e-7 = 0.075.
        Assert.Equal(0.075m, Price("dashscope/qwen-flash", new UsageBuckets { UncachedInput = 300_000 }));
    }

    [Fact]
    public void LoadBundled_CacheHitSpelling_PricesCacheRead()
    {
        // deepseek/deepseek-chat: 1,000 x 2.8e-8 = 0.000028.
        Assert.Equal(0.000028m, Price("deepseek/deepseek-chat", new UsageBuckets { CacheRead = 1_000 }));
    }

    [Fact]
    public void LoadBundled_PerRequestFee_Loaded()
    {
        var prices = PriceCatalog.LoadBundled().Resolve("perplexity/pplx-70b-online", Day);

        Assert.Equal(0.005m, prices.PerRequestUsd);
    }

    [Fact]
    public void Resolve_UnknownModel_SuggestsCloseNames()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => PriceCatalog.LoadBundled().Resolve("claude-sonet-4-5", Day));

        Assert.Contains("claude-sonet-4-5", error.Message, StringComparison.Ordinal);
        Assert.Contains("claude-sonnet-4-5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NameAfterProvider_SuggestedByTail()
    {
        var suggestions = PriceCatalog.LoadBundled().SuggestNames("mistral/gpt-4o");

        Assert.Contains("gpt-4o", suggestions);
        Assert.True(suggestions.Count <= 5);
    }

    [Fact]
    public void Resolve_SubstringOfName_NotMatched()
    {
        Assert.Throws<InvalidInputException>(() => PriceCatalog.LoadBundled().Resolve("sonnet", Day));
    }

    private static readonly PriceCatalog DatedCatalog = PriceCatalog.Empty().WithOverrides(
    [
        PriceOverride.FromPerMillionTokens("m", null, new PerMillionTokenPrices
        {
            InputPerMillionTokens = 5m, CacheReadPerMillionTokens = 0.50m, OutputPerMillionTokens = 30m,
        }),
        PriceOverride.FromPerMillionTokens("m", new DateOnly(2026, 8, 21), new PerMillionTokenPrices
        {
            InputPerMillionTokens = 4m, CacheReadPerMillionTokens = 0.40m, OutputPerMillionTokens = 20m,
        }),
    ]);

    [Theory]
    // usage on 2026-08-18 uses the old prices: 1M x 5 + 1M x 0.50 + 100,000 x 30 = 5 + 0.5 + 3.
    [InlineData("2026-08-18", "8.50")]
    [InlineData("2026-08-20", "8.50")]
    // From the effective date on: 4 + 0.4 + 2.
    [InlineData("2026-08-21", "6.40")]
    [InlineData("2026-08-22", "6.40")]
    public void Resolve_PriceChange_UsesPriceOnUsageDate(string date, string expected)
    {
        var usage = new UsageBuckets { UncachedInput = 1_000_000, CacheRead = 1_000_000, Output = 100_000 };

        var prices = DatedCatalog.Resolve("m", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            CallCost.Calculate(prices, usage, ServiceTier.Standard).TotalUsd);
    }

    [Fact]
    public void Resolve_PartialPriceChange_KeepsOtherPrices()
    {
        // Only the input price changes; output stays at the catalog's 1e-5: 1,000 x 2e-6 + 100 x 1e-5.
        var catalog = PriceCatalog.LoadBundled().WithOverrides([PriceOverride.FromPerMillionTokens(
            "gpt-4o", new DateOnly(2026, 8, 1), new PerMillionTokenPrices { InputPerMillionTokens = 2m })]);

        var cost = CallCost.Calculate(catalog.Resolve("gpt-4o", Day),
            new UsageBuckets { UncachedInput = 1_000, Output = 100 }, ServiceTier.Standard);

        Assert.Equal(0.003m, cost.TotalUsd);
    }

    [Theory]
    // Before the switch the alias points to gpt-4o (1,000 x 2.5e-6); from 2026-09-01 to
    // claude-sonnet-4-5 (1,000 x 3e-6).
    [InlineData("2026-08-31", "gpt-4o", "0.0025")]
    [InlineData("2026-09-01", "claude-sonnet-4-5", "0.003")]
    public void Resolve_AliasWithDates_SwitchesTarget(string date, string model, string expected)
    {
        var catalog = PriceCatalog.LoadBundled().WithAliases(
        [
            new ModelAlias("flagship", "gpt-4o"),
            new ModelAlias("flagship", "claude-sonnet-4-5", new DateOnly(2026, 9, 1)),
        ]);

        var prices = catalog.Resolve("flagship", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(model, prices.Model);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            CallCost.Calculate(prices, new UsageBuckets { UncachedInput = 1_000 }, ServiceTier.Standard).TotalUsd);
    }

    [Fact]
    public void Resolve_AliasBeforeFirstDate_Rejects()
    {
        var catalog = PriceCatalog.LoadBundled().WithAliases(
            [new ModelAlias("flagship", "gpt-4o", new DateOnly(2026, 9, 1))]);

        var error = Assert.Throws<InvalidInputException>(() => catalog.Resolve("flagship", Day));

        Assert.Contains("2026-09-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AliasCycle_Rejects()
    {
        var catalog = PriceCatalog.Empty().WithAliases([new ModelAlias("a", "b"), new ModelAlias("b", "a")]);

        var error = Assert.Throws<InvalidInputException>(() => catalog.Resolve("a", Day));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_ImplausiblePrices_AllListed()
    {
        // 3.00 per MTok written as 0.003 per token.
        var json = """
            {"a": {"input_cost_per_token": 0.003, "output_cost_per_token": 0.015},
             "b": {"input_cost_per_token": 3e-6, "output_cost_per_token": 1.5e-5}}
            """;

        var error = Assert.Throws<InvalidInputException>(() => TestPrices.CatalogFromJson(json));

        Assert.Equal(2, error.Problems.Count);
        Assert.Equal("a.input_cost_per_token", error.Problems[0].Path);
        Assert.Equal("0.003", error.Problems[0].Value);
        Assert.Contains("USD per single token", error.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_PriceAtLimit_Accepted()
    {
        var catalog = TestPrices.CatalogFromJson("""{"a": {"input_cost_per_token": 0.001}}""");

        Assert.Equal(1m, CallCost.Calculate(catalog.Resolve("a", Day), new UsageBuckets { UncachedInput = 1_000 },
            ServiceTier.Standard).TotalUsd);
    }

    [Fact]
    public void LoadFile_InvalidJson_ReportsLine()
    {
        var error = Assert.Throws<InvalidInputException>(() => TestPrices.CatalogFromJson("{\n\"a\": {,}}"));

        Assert.Equal(2, error.Problems[0].Line);
    }

    [Theory]
    [InlineData(3000, "input_per_mtok")]
    [InlineData(-1, "input_per_mtok")]
    public void FromPerMillionTokens_InvalidPrice_Rejects(int price, string key)
    {
        var error = Assert.Throws<InvalidInputException>(() => PriceOverride.FromPerMillionTokens(
            "m", null, new PerMillionTokenPrices { InputPerMillionTokens = price }, "s.yaml", "prices[0]"));

        Assert.Equal("prices[0]." + key, error.Problems[0].Path);
        Assert.Equal("s.yaml", error.Problems[0].File);
    }

    [Fact]
    public void FromPerMillionTokens_Prices_DividedByMillion()
    {
        var priceOverride = PriceOverride.FromPerMillionTokens("m", null,
            new PerMillionTokenPrices { InputPerMillionTokens = 3m, CacheWrite1HourPerMillionTokens = 6m });

        Assert.True(priceOverride.Tiers[0].TryGetPrice(ServiceTier.Standard, TokenBucket.UncachedInput, out var input));
        Assert.Equal(0.000003m, input);
        Assert.True(priceOverride.Tiers[0].TryGetPrice(ServiceTier.Standard, TokenBucket.CacheWrite1Hour, out var write));
        Assert.Equal(0.000006m, write);
    }
}
