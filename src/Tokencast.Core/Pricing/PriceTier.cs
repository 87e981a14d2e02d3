namespace Tokencast.Core.Pricing;

/// <summary>
/// Token prices that apply when a call's whole prompt is strictly greater than
/// <see cref="AbovePromptTokens"/>. The base tier has a threshold of 0 and applies to every call
/// that no higher tier takes.
/// </summary>
/// <param name="AbovePromptTokens">Prompt size the call must exceed for this tier to apply.</param>
/// <param name="PricesPerToken">USD per token, for each service tier and bucket the source gives.</param>
public sealed record PriceTier(long AbovePromptTokens, IReadOnlyDictionary<PriceKey, decimal> PricesPerToken)
{
    /// <summary>Looks up the price the tier itself gives, without any fallback.</summary>
    public bool TryGetPrice(ServiceTier serviceTier, TokenBucket bucket, out decimal pricePerToken) =>
        PricesPerToken.TryGetValue(new PriceKey(serviceTier, bucket), out pricePerToken);

    /// <summary>Returns a tier with the given prices replacing or adding to this tier's prices.</summary>
    public PriceTier With(IReadOnlyDictionary<PriceKey, decimal> replacements)
    {
        var merged = new Dictionary<PriceKey, decimal>(PricesPerToken);
        foreach (var (key, price) in replacements)
        {
            merged[key] = price;
        }

        return this with { PricesPerToken = merged };
    }
}
