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
            // price but no write price: a miss there is billed as ordinary input, so the write price is the
            // input price. A model with neither price cannot cache and is reported.
            var input = Price(TokenBucket.UncachedInput, true);
            var hasRead = prices.TryGetPricePerToken(tier, serviceTier, TokenBucket.CacheRead, out _);
            double Write(TokenBucket bucket, bool required) =>
                prices.TryGetPricePerToken(tier, serviceTier, bucket, out var write) ? (double)write
                : hasRead ? input
                : Price(bucket, required);

            tiers.Add(new CallPriceTier(
                tier.AbovePromptTokens,
                input,
                Price(TokenBucket.CacheRead, needsCacheRead),
                Write(TokenBucket.CacheWrite5Minutes, needsCacheWrite5Minutes),
                Write(TokenBucket.CacheWrite1Hour, needsCacheWrite1Hour),
                Price(TokenBucket.Output, true),
                Price(TokenBucket.ReasoningOutput, true)));
        }

        return new CallPrices(prices.Model, tiers, (double)(prices.PerRequestUsd ?? 0));
    }

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
