using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="Band"/>.</summary>
[GenerateSerializer, Alias("tokencast.band.v1")]
internal struct BandSurrogate
{
    [Id(0)] public double P5;

    [Id(1)] public double P10;

    [Id(2)] public double P50;

    [Id(3)] public double P90;

    [Id(4)] public double P95;

    [Id(5)] public double Mean;

    [Id(6)] public BandErrors StandardErrors;
}

/// <summary>Converts <see cref="Band"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class BandConverter : IConverter<Band, BandSurrogate>
{
    public Band ConvertFromSurrogate(in BandSurrogate surrogate) =>
        new(
            surrogate.P5,
            surrogate.P10,
            surrogate.P50,
            surrogate.P90,
            surrogate.P95,
            surrogate.Mean,
            surrogate.StandardErrors);

    public BandSurrogate ConvertToSurrogate(in Band value) =>
        new()
        {
            P5 = value.P5,
            P10 = value.P10,
            P50 = value.P50,
            P90 = value.P90,
            P95 = value.P95,
            Mean = value.Mean,
            StandardErrors = value.StandardErrors,
        };
}
