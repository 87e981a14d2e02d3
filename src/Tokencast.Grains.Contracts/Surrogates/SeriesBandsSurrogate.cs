using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="SeriesBands"/>.</summary>
[GenerateSerializer, Alias("tokencast.series-bands.v1")]
internal struct SeriesBandsSurrogate
{
    [Id(0)] public string Name;

    [Id(1)] public MonthBand[] Monthly;

    [Id(2)] public Band Horizon;
}

/// <summary>Converts <see cref="SeriesBands"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class SeriesBandsConverter : IConverter<SeriesBands, SeriesBandsSurrogate>
{
    public SeriesBands ConvertFromSurrogate(in SeriesBandsSurrogate surrogate) =>
        new(
            surrogate.Name,
            surrogate.Monthly,
            surrogate.Horizon);

    public SeriesBandsSurrogate ConvertToSurrogate(in SeriesBands value) =>
        new()
        {
            Name = value.Name,
            Monthly = [.. value.Monthly],
            Horizon = value.Horizon,
        };
}
