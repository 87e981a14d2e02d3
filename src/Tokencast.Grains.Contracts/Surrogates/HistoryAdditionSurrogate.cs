using Tokencast.Core.History;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire form of <see cref="HistoryAddition"/>.</summary>
[GenerateSerializer, Alias("tokencast.history-addition.v1")]
internal struct HistoryAdditionSurrogate
{
    [Id(0)] public ForecastVersion Version;

    [Id(1)] public bool Added;
}

/// <summary>Converts <see cref="HistoryAddition"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class HistoryAdditionConverter : IConverter<HistoryAddition, HistoryAdditionSurrogate>
{
    public HistoryAddition ConvertFromSurrogate(in HistoryAdditionSurrogate surrogate) =>
        new(surrogate.Version, surrogate.Added);

    public HistoryAdditionSurrogate ConvertToSurrogate(in HistoryAddition value) =>
        new() { Version = value.Version, Added = value.Added };
}
