namespace Tokencast.Core.Variance;

/// <summary>
/// Difference between actual and forecast spend of a period, split into five parts for the whole
/// period and for each feature.
/// </summary>
/// <param name="Total">Spend and parts over all features.</param>
/// <param name="Features">
/// Spend and parts of each feature, ordered by feature (ordinal). Each part of
/// <paramref name="Total"/> is the sum of that part over the features.
/// </param>
public sealed record VarianceExplanation(VarianceParts Total, IReadOnlyDictionary<string, VarianceParts> Features)
{
    /// <summary>Spend of the model at the forecast factors, in USD.</summary>
    public decimal ForecastUsd => Total.ForecastUsd;

    /// <summary>Spend of the model at the actual factors, in USD.</summary>
    public decimal ActualUsd => Total.ActualUsd;

    /// <summary>Part due to the total number of tasks, in USD.</summary>
    public decimal VolumeUsd => Total.VolumeUsd;

    /// <summary>Part due to the share of tasks in each (feature, model) cell, in USD.</summary>
    public decimal MixUsd => Total.MixUsd;

    /// <summary>Part due to tokens per task by bucket, in USD.</summary>
    public decimal TokensPerTaskUsd => Total.TokensPerTaskUsd;

    /// <summary>Part due to the price per token of each bucket, in USD.</summary>
    public decimal UnitPriceUsd => Total.UnitPriceUsd;

    /// <summary>Part due to the cache hit rate, in USD.</summary>
    public decimal CacheHitRateUsd => Total.CacheHitRateUsd;
}
