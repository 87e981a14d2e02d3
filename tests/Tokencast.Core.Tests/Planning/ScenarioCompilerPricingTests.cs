using Tokencast.Core.Simulation;
using static Tokencast.Core.Tests.Planning.CompilerScenarios;

namespace Tokencast.Core.Tests.Planning;

public class ScenarioCompilerPricingTests
{
    // Catalog prices are exact decimals converted to double, so compare within a millionth of a cheap price.
    private const double PriceTolerance = 1e-15;

    [Fact]
    public void Compile_TierName_ResolvesCatalogModelPerToken()
    {
        var regime = Assert.Single(CompileFeature(ChatFeature).Regimes);
        var prices = regime.Model.Model.Prices;
        var tier = Assert.Single(prices.Tiers);

        // Bundled LiteLLM entry of claude-haiku-4-5: $1 input, $5 output, $0.10 cache read, $1.25 5-minute
        // and $2 1-hour cache write per million tokens. Reasoning has no price of its own, so output applies.
        Assert.Equal("claude-haiku-4-5", prices.Model);
        Assert.Equal(0, tier.AboveTokens);
        Assert.Equal(1e-06, tier.UncachedInput, PriceTolerance);
        Assert.Equal(5e-06, tier.Output, PriceTolerance);
        Assert.Equal(1e-07, tier.CacheRead, PriceTolerance);
        Assert.Equal(1.25e-06, tier.CacheWrite5Minutes, PriceTolerance);
        Assert.Equal(2e-06, tier.CacheWrite1Hour, PriceTolerance);
        Assert.Equal(5e-06, tier.ReasoningOutput, PriceTolerance);
        Assert.Equal(0, prices.PerRequestUsd);
        Assert.Equal(1.0, regime.Model.Model.TokenEfficiency);
    }

    [Fact]
    public void Compile_LongContextModel_HasTierAbove200k()
    {
        var feature = CompileFeature(ChatFeature.Replace("model: small", "model: flagship"));
        var prices = Assert.Single(feature.Regimes).Model.Model.Prices;

        // claude-sonnet-4-5: $3 / $15 per million tokens up to 200,000 prompt tokens, $6 / $22.50 above,
        // with cache reads at a tenth of input in both tiers.
        Assert.Equal("claude-sonnet-4-5", prices.Model);
        Assert.Equal(2, prices.Tiers.Count);
        Assert.Equal(0, prices.Tiers[0].AboveTokens);
        Assert.Equal(3e-06, prices.Tiers[0].UncachedInput, PriceTolerance);
        Assert.Equal(1.5e-05, prices.Tiers[0].Output, PriceTolerance);
        Assert.Equal(200_000, prices.Tiers[1].AboveTokens);
        Assert.Equal(6e-06, prices.Tiers[1].UncachedInput, PriceTolerance);
        Assert.Equal(2.25e-05, prices.Tiers[1].Output, PriceTolerance);
        Assert.Equal(6e-07, prices.Tiers[1].CacheRead, PriceTolerance);
        Assert.Same(prices.Tiers[1], prices.TierFor(200_001));
        Assert.Same(prices.Tiers[0], prices.TierFor(200_000));
    }

    // Both forms cut haiku from $1 / $5 to $0.80 / $4 per million tokens on 11 June 2027. June is month 5
    // of the horizon and has 30 days: 10 days (1-10 June) at the old prices, 20 days at the new ones.
    [Theory]
    [InlineData("""
        events:
          - date: 2027-06-11
            kind: price_change
            model: claude-haiku-4-5
            input_per_mtok: 0.8
            output_per_mtok: 4
        """)]
    [InlineData("""
        prices:
          - {model: claude-haiku-4-5, effective: 2027-06-11, input_per_mtok: 0.8, output_per_mtok: 4}
        """)]
    public void Compile_DatedPriceChange_SplitsMonthAndReprices(string change)
    {
        var feature = CompileFeature(ChatFeature + change);

        Assert.Equal(2, feature.Regimes.Count);
        Assert.Equal([new MonthSegment(0, 1)], feature.Months[4]);
        Assert.Equal(2, feature.Months[5].Count);
        Assert.Equal(0, feature.Months[5][0].Regime);
        Assert.Equal(10.0 / 30, feature.Months[5][0].ShareOfMonth, 12);
        Assert.Equal(1, feature.Months[5][1].Regime);
        Assert.Equal(20.0 / 30, feature.Months[5][1].ShareOfMonth, 12);
        Assert.Equal([new MonthSegment(1, 1)], feature.Months[6]);

        var before = BaseTier(feature.Regimes[0]);
        var after = BaseTier(feature.Regimes[1]);
        Assert.Equal(1e-06, before.UncachedInput, PriceTolerance);
        Assert.Equal(5e-06, before.Output, PriceTolerance);
        Assert.Equal(8e-07, after.UncachedInput, PriceTolerance);
        Assert.Equal(4e-06, after.Output, PriceTolerance);
        Assert.Equal(1e-07, after.CacheRead, PriceTolerance);
        Assert.Equal("claude-haiku-4-5", feature.Regimes[1].Model.Model.Prices.Model);
    }

    [Fact]
    public void Compile_AutomaticCacheModel_WritesAtInputPrice()
    {
        var feature = CompileFeature("""
            features:
              - id: summarize
                model: gpt-4o-mini
                input_tokens: 400
                output_tokens: 200
                cache: {hit_rate: 0.5, write_ttl: 1h}
            """);
        var tier = BaseTier(Assert.Single(feature.Regimes));

        // gpt-4o-mini lists $0.15 input and $0.075 cache read per million tokens and no cache write price,
        // because OpenAI caches automatically and bills a miss as input: both write prices become $0.15.
        Assert.Equal(1.5e-07, tier.UncachedInput, PriceTolerance);
        Assert.Equal(7.5e-08, tier.CacheRead, PriceTolerance);
        Assert.Equal(1.5e-07, tier.CacheWrite5Minutes, PriceTolerance);
        Assert.Equal(1.5e-07, tier.CacheWrite1Hour, PriceTolerance);
        Assert.Equal(6e-07, tier.Output, PriceTolerance);
    }

    [Fact]
    public void Compile_CacheOnExplicitCacheModel_KeepsWritePremium()
    {
        var feature = CompileFeature(ChatFeature + """
                cache: {hit_rate: 0.5}
            """);
        var regime = Assert.Single(feature.Regimes);
        var tier = BaseTier(regime);

        // Anthropic bills a 5-minute cache write at 1.25 times input: $1.25 against $1 per million tokens.
        Assert.Equal(1.25e-06, tier.CacheWrite5Minutes, PriceTolerance);
        Assert.NotNull(regime.Model.Cache);
        Assert.Equal(0.5, regime.Model.Cache.HitRate);
        Assert.Equal(CacheWriteTtl.FiveMinutes, regime.Model.Cache.WriteTtl);
    }
}
