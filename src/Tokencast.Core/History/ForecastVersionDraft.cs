using System.Collections.Immutable;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;

namespace Tokencast.Core.History;

/// <summary>
/// A forecast version before the history numbers and dates it. The fields are those of
/// <see cref="ForecastVersion"/>.
/// </summary>
public sealed record ForecastVersionDraft(
    string Name,
    DateOnly? CutOff,
    VersionInputs Inputs,
    IReadOnlyList<string> ImportIds,
    string Note,
    ImmutableArray<byte> BandsJson)
{
    /// <summary>Creates a draft whose result is written as canonical bands.json bytes.</summary>
    public static ForecastVersionDraft Create(
        string name,
        DateOnly? cutOff,
        VersionInputs inputs,
        IReadOnlyList<string> importIds,
        string note,
        ForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        BandsJsonWriter.Write(result, stream);
        return new ForecastVersionDraft(name, cutOff, inputs, importIds, note, [.. stream.ToArray()]);
    }
}
