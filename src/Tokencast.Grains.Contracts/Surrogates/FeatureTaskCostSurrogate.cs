using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="FeatureTaskCost"/>.</summary>
[GenerateSerializer, Alias("tokencast.feature-task-cost.v1")]
internal struct FeatureTaskCostSurrogate
{
    [Id(0)] public string Feature;

    [Id(1)] public int Month;

    [Id(2)] public double MeanUsd;

    [Id(3)] public double MedianUsd;

    [Id(4)] public double P90Usd;

    [Id(5)] public double P99Usd;

    [Id(6)] public double MeanRelativeStandardError;

    [Id(7)] public Band Tasks;
}

/// <summary>Converts <see cref="FeatureTaskCost"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class FeatureTaskCostConverter : IConverter<FeatureTaskCost, FeatureTaskCostSurrogate>
{
    public FeatureTaskCost ConvertFromSurrogate(in FeatureTaskCostSurrogate surrogate) =>
        new(
            surrogate.Feature,
            DateOnly.FromDayNumber(surrogate.Month),
            surrogate.MeanUsd,
            surrogate.MedianUsd,
            surrogate.P90Usd,
            surrogate.P99Usd,
            surrogate.MeanRelativeStandardError,
            surrogate.Tasks);

    public FeatureTaskCostSurrogate ConvertToSurrogate(in FeatureTaskCost value) =>
        new()
        {
            Feature = value.Feature,
            Month = value.Month.DayNumber,
            MeanUsd = value.MeanUsd,
            MedianUsd = value.MedianUsd,
            P90Usd = value.P90Usd,
            P99Usd = value.P99Usd,
            MeanRelativeStandardError = value.MeanRelativeStandardError,
            Tasks = value.Tasks,
        };
}
