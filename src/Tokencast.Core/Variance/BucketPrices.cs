namespace Tokencast.Core.Variance;

/// <summary>
/// Prices of the four token buckets of a cell, in USD per million tokens.
/// </summary>
/// <param name="UncachedInputPerMillionTokens">Price of input tokens neither read from nor written to a cache.</param>
/// <param name="CacheReadPerMillionTokens">Price of input tokens read from a cache.</param>
/// <param name="CacheWritePerMillionTokens">Price of input tokens written to a cache.</param>
/// <param name="OutputPerMillionTokens">Price of output tokens, reasoning included.</param>
public sealed record BucketPrices(
    decimal UncachedInputPerMillionTokens,
    decimal CacheReadPerMillionTokens,
    decimal CacheWritePerMillionTokens,
    decimal OutputPerMillionTokens);
