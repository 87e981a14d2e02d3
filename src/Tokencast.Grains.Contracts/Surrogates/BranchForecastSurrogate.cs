using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="BranchForecast"/>.</summary>
[GenerateSerializer, Alias("tokencast.branch-forecast.v1")]
internal struct BranchForecastSurrogate
{
    [Id(0)] public string Name;

    [Id(1)] public string Description;

    [Id(2)] public BranchAssumption[] Assumptions;

    [Id(3)] public SeriesBands Total;

    [Id(4)] public MonthBand[] Cumulative;

    [Id(5)] public SeriesBands[] Features;

    [Id(6)] public SeriesBands[] Cohorts;

    [Id(7)] public SeriesBands[] Models;

    [Id(8)] public FeatureTaskCost[] CostPerTask;

    [Id(9)] public BudgetOutlook[] Budget;
}

/// <summary>Converts <see cref="BranchForecast"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class BranchForecastConverter : IConverter<BranchForecast, BranchForecastSurrogate>
{
    public BranchForecast ConvertFromSurrogate(in BranchForecastSurrogate surrogate) =>
        new(
            surrogate.Name,
            surrogate.Description,
            surrogate.Assumptions,
            surrogate.Total,
            surrogate.Cumulative,
            surrogate.Features,
            surrogate.Cohorts,
            surrogate.Models,
            surrogate.CostPerTask,
            surrogate.Budget);

    public BranchForecastSurrogate ConvertToSurrogate(in BranchForecast value) =>
        new()
        {
            Name = value.Name,
            Description = value.Description,
            Assumptions = [.. value.Assumptions],
            Total = value.Total,
            Cumulative = [.. value.Cumulative],
            Features = [.. value.Features],
            Cohorts = [.. value.Cohorts],
            Models = [.. value.Models],
            CostPerTask = [.. value.CostPerTask],
            Budget = [.. value.Budget],
        };
}
