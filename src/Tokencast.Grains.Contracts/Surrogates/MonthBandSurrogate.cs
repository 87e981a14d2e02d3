using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="MonthBand"/>.</summary>
[GenerateSerializer, Alias("tokencast.month-band.v1")]
internal struct MonthBandSurrogate
{
    [Id(0)] public int Month;

    [Id(1)] public Band Band;
}

/// <summary>Converts <see cref="MonthBand"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class MonthBandConverter : IConverter<MonthBand, MonthBandSurrogate>
{
    public MonthBand ConvertFromSurrogate(in MonthBandSurrogate surrogate) =>
        new(
            DateOnly.FromDayNumber(surrogate.Month),
            surrogate.Band);

    public MonthBandSurrogate ConvertToSurrogate(in MonthBand value) =>
        new()
        {
            Month = value.Month.DayNumber,
            Band = value.Band,
        };
}
