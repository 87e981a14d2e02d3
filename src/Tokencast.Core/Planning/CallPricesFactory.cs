using Tokencast.Core.Pricing;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Planning;

/// <summary>
/// Converts a model's exact catalog prices on one service tier into the double per-token prices the
/// simulation uses, checking that every bucket the feature will use has a price.
/// </summary>
internal static class CallPricesFactory
{
    public static CallPrices Create(
        ModelPrices prices, ServiceTier serviceTier, bool needsCacheRead, bool needsCacheWrite5Minutes,
        bool needsCacheWrite1Hour, string path, string? file, long line, List<InputProblem> problems)
    {
        var tiers = new List<CallPriceTier>();
        foreach (var tier in prices.Tiers)
        {
            double Price(TokenBucket bucket, bool required)
            {
                if (prices.TryGetPricePerToken(tier, serviceTier, bucket, out var price))
                {
                    return (double)price;
                }

                if (required)
                {
                    problems.Add(new InputProblem(
                        file, line, path, prices.Model,
                        $"model {prices.Model} has no {Describe(bucket)} price for the {serviceTier.ToString().ToLowerInvariant()} "
                        + $"service tier{TierText(tier)}; add it under prices: in the scenario or pick a model that has one"));
                }

                return 0;
            }

            // Models with automatic caching (OpenAI, Gemini implicit caching, DeepSeek) list a cache-read
            // price and no write price at all: a miss there is billed as ordinary input, so the write price is
            // the input price. A model that lists one write price but not the other is missing a price, and
            // a long-context tier with its own 5-minute price must not borrow the base tier's 1-hour price.
            var input = Price(TokenBucket.UncachedInput, true);
            var automatic = prices.TryGetPricePerToken(tier, serviceTier, TokenBucket.CacheRead, out _)
                && !HasAnyWritePrice(prices, serviceTier);
            double Write(TokenBucket bucket, TokenBucket sibling, bool required)
            {
                if (automatic)
                {
                    return input;
                }

                var borrowsAcrossTiers = tier.AbovePromptTokens > 0
                    && !tier.TryGetPrice(serviceTier, bucket, out _)
                    && tier.TryGetPrice(serviceTier, sibling, out _);
                return borrowsAcrossTiers ? Missing(bucket, required) : Price(bucket, required);
            }

            double Missing(TokenBucket bucket, bool required)
            {
                if (required)
                {
                    problems.Add(new InputProblem(
                        file, line, path, prices.Model,
                        $"model {prices.Model} has no {Describe(bucket)} price{TierText(tier)}; add it under prices: "
                        + "in the scenario (cache_write_1h_per_mtok or cache_write_5m_per_mtok in long_context)"));
                }

                return 0;
            }

            tiers.Add(new CallPriceTier(
                tier.AbovePromptTokens,
                input,
                Price(TokenBucket.CacheRead, needsCacheRead),
                Write(TokenBucket.CacheWrite5Minutes, TokenBucket.CacheWrite1Hour, needsCacheWrite5Minutes),
                Write(TokenBucket.CacheWrite1Hour, TokenBucket.CacheWrite5Minutes, needsCacheWrite1Hour),
                Price(TokenBucket.Output, true),
                Price(TokenBucket.ReasoningOutput, true)));
        }

        return new CallPrices(prices.Model, tiers, (double)(prices.PerRequestUsd ?? 0));
    }

    private static bool HasAnyWritePrice(ModelPrices prices, ServiceTier serviceTier) =>
        prices.Tiers.Any(t => t.TryGetPrice(serviceTier, TokenBucket.CacheWrite5Minutes, out _)
            || t.TryGetPrice(serviceTier, TokenBucket.CacheWrite1Hour, out _));

    private static string TierText(PriceTier tier) =>
        tier.AbovePromptTokens == 0 ? "" : $" above {tier.AbovePromptTokens} prompt tokens";

    private static string Describe(TokenBucket bucket) => bucket switch
    {
        TokenBucket.UncachedInput => "input",
        TokenBucket.CacheRead => "cache read",
        TokenBucket.CacheWrite5Minutes => "5-minute cache write",
        TokenBucket.CacheWrite1Hour => "1-hour cache write",
        TokenBucket.Output => "output",
        TokenBucket.ReasoningOutput => "reasoning",
        _ => bucket.ToString(),
    };
}
