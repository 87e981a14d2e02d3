namespace Tokencast.Core.Pricing;

/// <summary>
/// Prices as scenario files write them: USD per million tokens. A null price is not set, so an
/// override leaves the catalog's price in place.
/// </summary>
public sealed record PerMillionTokenPrices
{
    /// <summary>Uncached input (<c>input_per_mtok</c>).</summary>
    public decimal? InputPerMillionTokens { get; init; }

    /// <summary>Visible output (<c>output_per_mtok</c>).</summary>
    public decimal? OutputPerMillionTokens { get; init; }

    /// <summary>Cache reads (<c>cache_read_per_mtok</c>).</summary>
    public decimal? CacheReadPerMillionTokens { get; init; }

    /// <summary>Writes to the 5-minute cache (<c>cache_write_5m_per_mtok</c>).</summary>
    public decimal? CacheWrite5MinutesPerMillionTokens { get; init; }

    /// <summary>Writes to the 1-hour cache (<c>cache_write_1h_per_mtok</c>).</summary>
    public decimal? CacheWrite1HourPerMillionTokens { get; init; }

    /// <summary>Reasoning output (<c>reasoning_per_mtok</c>). Without it, reasoning uses the output price.
    /// </summary>
    public decimal? ReasoningPerMillionTokens { get; init; }

    /// <summary>Fee in USD per call (<c>per_request_usd</c>).</summary>
    public decimal? PerRequestUsd { get; init; }

    /// <summary>Long-context tier (<c>long_context</c>), or null.</summary>
    public LongContextPrices? LongContext { get; init; }

    /// <summary>Batch prices of the base tier (<c>batch</c>), or null.</summary>
    public PerMillionTokenPrices? Batch { get; init; }
}
