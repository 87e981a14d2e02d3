using Tokencast.Core.History;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire form of <see cref="ForecastVersionDraft"/>.</summary>
[GenerateSerializer, Alias("tokencast.forecast-version-draft.v1")]
internal struct ForecastVersionDraftSurrogate
{
    [Id(0)] public string Name;

    /// <summary>The cut-off as <see cref="DateOnly.DayNumber"/>, or null.</summary>
    [Id(1)] public int? CutOff;

    [Id(2)] public VersionInputs Inputs;

    [Id(3)] public string[] ImportIds;

    [Id(4)] public string Note;

    [Id(5)] public byte[] BandsJson;
}

/// <summary>Converts <see cref="ForecastVersionDraft"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class ForecastVersionDraftConverter : IConverter<ForecastVersionDraft, ForecastVersionDraftSurrogate>
{
    public ForecastVersionDraft ConvertFromSurrogate(in ForecastVersionDraftSurrogate surrogate) =>
        new(
            surrogate.Name,
            surrogate.CutOff is { } day ? DateOnly.FromDayNumber(day) : null,
            surrogate.Inputs,
            surrogate.ImportIds,
            surrogate.Note,
            [.. surrogate.BandsJson]);

    public ForecastVersionDraftSurrogate ConvertToSurrogate(in ForecastVersionDraft value) =>
        new()
        {
            Name = value.Name,
            CutOff = value.CutOff?.DayNumber,
            Inputs = value.Inputs,
            ImportIds = [.. value.ImportIds],
            Note = value.Note,
            BandsJson = [.. value.BandsJson],
        };
}
