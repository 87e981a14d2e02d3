namespace Tokencast.Core.Pricing;

/// <summary>
/// Prices of one model as they stand on one date: price tiers by prompt size, fees, and the facts
/// of the catalog entry that pricing needs.
/// </summary>
public sealed record ModelPrices
{
    /// <summary>Catalog key of the model, such as <c>claude-sonnet-4-5</c>.</summary>
    public required string Model { get; init; }

    /// <summary>Provider id from the catalog, such as <c>anthropic</c>, or null when not given.</summary>
    public string? Provider { get; init; }

    /// <summary>Catalog mode, such as <c>chat</c> or <c>embedding</c>, or null when not given.</summary>
    public string? Mode { get; init; }

    /// <summary>Largest prompt the model accepts, or null when not given.</summary>
    public long? MaxInputTokens { get; init; }

    /// <summary>Price tiers ordered by threshold; the first has a threshold of 0.</summary>
    public required IReadOnlyList<PriceTier> Tiers { get; init; }

    /// <summary>Fee in USD charged once per call (<c>input_cost_per_request</c>), or null.</summary>
    public decimal? PerRequestUsd { get; init; }

    /// <summary>
    /// Fee in USD per search query (<c>input_cost_per_query</c>, or the medium context size of
    /// <c>search_context_cost_per_query</c>), or null. Usage records carry no query count, so call
    /// costs do not include it.
    /// </summary>
    public decimal? PerQueryUsd { get; init; }

    /// <summary>Catalog prices dropped as unit errors; a model with any cannot be priced.</summary>
    public IReadOnlyList<RejectedPrice> RejectedPrices { get; init; } = [];

    /// <summary>Returns the tier with the largest threshold that the prompt size exceeds.</summary>
    public PriceTier SelectTier(long promptTokens)
    {
        var selected = Tiers[0];
        foreach (var tier in Tiers)
        {
            if (promptTokens > tier.AbovePromptTokens)
            {
                selected = tier;
            }
        }

        return selected;
    }

    /// <summary>Returns whether any tier gives a price in the service tier.</summary>
    public bool HasServiceTier(ServiceTier serviceTier) =>
        Tiers.Any(tier => tier.PricesPerToken.Keys.Any(key => key.ServiceTier == serviceTier));

    /// <summary>
    /// Finds the price per token of a bucket in a tier. Two vendor rules fill gaps: a tier without a
    /// price for a bucket inherits the base tier's price for it, and reasoning tokens are billed at
    /// the output price unless a reasoning price exists. There is no fallback between service tiers
    /// or between the 5-minute and 1-hour cache writes.
    /// </summary>
    public bool TryGetPricePerToken(
        PriceTier tier, ServiceTier serviceTier, TokenBucket bucket, out decimal price)
    {
        ArgumentNullException.ThrowIfNull(tier);
        if (TryGetInherited(tier, serviceTier, bucket, out price))
        {
            return true;
        }

        return bucket == TokenBucket.ReasoningOutput
            && TryGetInherited(tier, serviceTier, TokenBucket.Output, out price);
    }

    private bool TryGetInherited(
        PriceTier tier, ServiceTier serviceTier, TokenBucket bucket, out decimal price) =>
        tier.TryGetPrice(serviceTier, bucket, out price)
        || Tiers[0].TryGetPrice(serviceTier, bucket, out price);
}
