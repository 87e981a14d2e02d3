using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="ForecastResult"/>.</summary>
[GenerateSerializer, Alias("tokencast.forecast-result.v1")]
internal struct ForecastResultSurrogate
{
    [Id(0)] public string Scenario;

    [Id(1)] public int FirstMonth;

    [Id(2)] public int Months;

    [Id(3)] public int Trials;

    [Id(4)] public ulong Seed;

    [Id(5)] public BranchForecast[] Branches;
}

/// <summary>Converts <see cref="ForecastResult"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class ForecastResultConverter : IConverter<ForecastResult, ForecastResultSurrogate>
{
    public ForecastResult ConvertFromSurrogate(in ForecastResultSurrogate surrogate) =>
        new(
            surrogate.Scenario,
            DateOnly.FromDayNumber(surrogate.FirstMonth),
            surrogate.Months,
            surrogate.Trials,
            surrogate.Seed,
            surrogate.Branches);

    public ForecastResultSurrogate ConvertToSurrogate(in ForecastResult value) =>
        new()
        {
            Scenario = value.Scenario,
            FirstMonth = value.FirstMonth.DayNumber,
            Months = value.Months,
            Trials = value.Trials,
            Seed = value.Seed,
            Branches = [.. value.Branches],
        };
}
