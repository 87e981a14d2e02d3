namespace Tokencast.Core.Pricing;

/// <summary>Identifies one token price inside a price tier: a service tier and a token bucket.</summary>
/// <param name="ServiceTier">The service tier the price applies to.</param>
/// <param name="Bucket">The token bucket the price applies to.</param>
public readonly record struct PriceKey(ServiceTier ServiceTier, TokenBucket Bucket);
