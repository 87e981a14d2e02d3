using System.Globalization;

namespace Tokencast.Core.Pricing;

/// <summary>
/// Cost of one call in exact decimal USD, with the cost of each bucket. Nothing is rounded.
/// </summary>
/// <param name="Model">Catalog key of the model that priced the call.</param>
/// <param name="ServiceTier">Service tier the call was priced in.</param>
/// <param name="TierAbovePromptTokens">Threshold of the long-context tier that was applied.</param>
/// <param name="BucketCostsUsd">Cost of each non-empty bucket.</param>
/// <param name="RequestFeeUsd">Per-request fee, or 0.</param>
/// <param name="TotalUsd">Sum of the bucket costs and the fee.</param>
public sealed record CallCost(
    string Model,
    ServiceTier ServiceTier,
    long TierAbovePromptTokens,
    IReadOnlyDictionary<TokenBucket, decimal> BucketCostsUsd,
    decimal RequestFeeUsd,
    decimal TotalUsd)
{
    /// <summary>
    /// Prices one call. The price tier is chosen once from the whole prompt (uncached input, both
    /// cache kinds, audio and image input), and every bucket, cache reads and writes included, is
    /// priced in that tier.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The model has rejected catalog prices, a bucket is negative, the model has no prices in the
    /// service tier, or a non-empty bucket has no price. All missing prices are listed.
    /// </exception>
    public static CallCost Calculate(ModelPrices prices, UsageBuckets usage, ServiceTier serviceTier)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ThrowIfRejected(prices);
        ThrowIfNegative(prices.Model, usage);
        if (serviceTier != ServiceTier.Standard && !prices.HasServiceTier(serviceTier))
        {
            var suffix = LiteLlmKeyGrammar.ServiceTierSuffix(serviceTier);
            throw new InvalidInputException(new InputProblem(null, null, null, prices.Model,
                $"model '{prices.Model}' has no {serviceTier.ToString().ToLowerInvariant()} prices; add "
                + $"input_cost_per_token{suffix} and output_cost_per_token{suffix} to the catalog or a "
                + "price override, or price the call in the standard tier"));
        }

        var tier = prices.SelectTier(usage.PromptTokens);
        var bucketCosts = new Dictionary<TokenBucket, decimal>();
        var problems = new List<InputProblem>();
        foreach (var bucket in Enum.GetValues<TokenBucket>())
        {
            var tokens = usage[bucket];
            if (tokens == 0)
            {
                continue;
            }

            if (prices.TryGetPricePerToken(tier, serviceTier, bucket, out var price))
            {
                bucketCosts[bucket] = tokens * price;
            }
            else
            {
                problems.Add(MissingPrice(prices.Model, tier, serviceTier, bucket, tokens));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var fee = prices.PerRequestUsd ?? 0m;
        var total = bucketCosts.Values.Sum() + fee;
        return new CallCost(prices.Model, serviceTier, tier.AbovePromptTokens, bucketCosts, fee, total);
    }

    private static void ThrowIfRejected(ModelPrices prices)
    {
        if (prices.RejectedPrices.Count > 0)
        {
            throw new InvalidInputException(prices.RejectedPrices
                .Select(rejected => new InputProblem(null, null, $"{prices.Model}.{rejected.SourceKey}",
                    rejected.Value.ToString(CultureInfo.InvariantCulture),
                    $"model '{prices.Model}' cannot be priced: {rejected.Message}; "
                    + "supply the price in an override"))
                .ToList());
        }
    }

    private static void ThrowIfNegative(string model, UsageBuckets usage)
    {
        var problems = Enum.GetValues<TokenBucket>()
            .Where(bucket => usage[bucket] < 0)
            .Select(bucket => new InputProblem(null, null, bucket.ToString(),
                usage[bucket].ToString(CultureInfo.InvariantCulture),
                $"token count for model '{model}' is negative; token counts must be 0 or more"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }
    }

    private static InputProblem MissingPrice(
        string model, PriceTier tier, ServiceTier serviceTier, TokenBucket bucket, long tokens)
    {
        var key = LiteLlmKeyGrammar.FormatKey(bucket, tier.AbovePromptTokens, serviceTier);
        return new InputProblem(null, null, bucket.ToString(), tokens.ToString(CultureInfo.InvariantCulture),
            $"model '{model}' has no {serviceTier.ToString().ToLowerInvariant()} price for "
            + $"{bucket} tokens; add '{key}' (or its base-tier key) to the catalog or a price override");
    }
}
