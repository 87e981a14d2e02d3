using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="BandErrors"/>.</summary>
[GenerateSerializer, Alias("tokencast.band-errors.v1")]
internal struct BandErrorsSurrogate
{
    [Id(0)] public double P5;

    [Id(1)] public double P10;

    [Id(2)] public double P50;

    [Id(3)] public double P90;

    [Id(4)] public double P95;

    [Id(5)] public double Mean;
}

/// <summary>Converts <see cref="BandErrors"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class BandErrorsConverter : IConverter<BandErrors, BandErrorsSurrogate>
{
    public BandErrors ConvertFromSurrogate(in BandErrorsSurrogate surrogate) =>
        new(
            surrogate.P5,
            surrogate.P10,
            surrogate.P50,
            surrogate.P90,
            surrogate.P95,
            surrogate.Mean);

    public BandErrorsSurrogate ConvertToSurrogate(in BandErrors value) =>
        new()
        {
            P5 = value.P5,
            P10 = value.P10,
            P50 = value.P50,
            P90 = value.P90,
            P95 = value.P95,
            Mean = value.Mean,
        };
}
