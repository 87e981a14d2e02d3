namespace Tokencast.Core.Variance;

/// <summary>
/// Actual and forecast spend of a closed period and the five Shapley parts of their difference, in USD.
/// The five parts add up exactly to <see cref="DifferenceUsd"/>.
/// </summary>
/// <param name="ForecastUsd">Spend of the model at the forecast factors.</param>
/// <param name="ActualUsd">Spend of the model at the actual factors.</param>
/// <param name="VolumeUsd">Part due to the total number of tasks.</param>
/// <param name="MixUsd">Part due to the share of tasks in each (feature, model) cell.</param>
/// <param name="TokensPerTaskUsd">Part due to tokens per task by bucket (amplification).</param>
/// <param name="UnitPriceUsd">Part due to the price per token of each bucket.</param>
/// <param name="CacheHitRateUsd">Part due to the share of cacheable input read from the cache.</param>
public sealed record VarianceParts(
    decimal ForecastUsd,
    decimal ActualUsd,
    decimal VolumeUsd,
    decimal MixUsd,
    decimal TokensPerTaskUsd,
    decimal UnitPriceUsd,
    decimal CacheHitRateUsd)
{
    /// <summary>Actual minus forecast spend.</summary>
    public decimal DifferenceUsd => ActualUsd - ForecastUsd;
}
