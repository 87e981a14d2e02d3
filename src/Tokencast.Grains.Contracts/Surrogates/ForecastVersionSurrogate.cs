using Tokencast.Core.History;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="ForecastVersion"/>.</summary>
[GenerateSerializer, Alias("tokencast.forecast-version.v1")]
internal struct ForecastVersionSurrogate
{
    [Id(0)] public string Name;

    [Id(1)] public int Number;

    /// <summary>The cut-off as <see cref="DateOnly.DayNumber"/>, or null.</summary>
    [Id(2)] public int? CutOff;

    [Id(3)] public DateTimeOffset CreatedAt;

    [Id(4)] public VersionInputs Inputs;

    [Id(5)] public string InputHash;

    [Id(6)] public string[] ImportIds;

    [Id(7)] public string Note;

    [Id(8)] public byte[] BandsJson;
}

/// <summary>Converts <see cref="ForecastVersion"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class ForecastVersionConverter : IConverter<ForecastVersion, ForecastVersionSurrogate>
{
    public ForecastVersion ConvertFromSurrogate(in ForecastVersionSurrogate surrogate) =>
        new(
            surrogate.Name,
            surrogate.Number,
            surrogate.CutOff is { } day ? DateOnly.FromDayNumber(day) : null,
            surrogate.CreatedAt,
            surrogate.Inputs,
            surrogate.InputHash,
            surrogate.ImportIds,
            surrogate.Note,
            [.. surrogate.BandsJson]);

    public ForecastVersionSurrogate ConvertToSurrogate(in ForecastVersion value) =>
        new()
        {
            Name = value.Name,
            Number = value.Number,
            CutOff = value.CutOff?.DayNumber,
            CreatedAt = value.CreatedAt,
            Inputs = value.Inputs,
            InputHash = value.InputHash,
            ImportIds = [.. value.ImportIds],
            Note = value.Note,
            BandsJson = [.. value.BandsJson],
        };
}
