using System.Collections.Immutable;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;

namespace Tokencast.Core.History;

/// <summary>One stored version of a tracked forecast: its inputs, the actuals it used, and its result.</summary>
/// <param name="Name">The forecast's name, such as <c>assistant-platform</c>.</param>
/// <param name="Number">The version number, 1 for the first version of <paramref name="Name"/>.</param>
/// <param name="CutOff">
/// The cut-off of the actuals the version was made from (they are dated before it), or null for a version
/// made without actuals.
/// </param>
/// <param name="CreatedAt">When the version was added to the history.</param>
/// <param name="Inputs">The scenario files, branches, trials and seed of the run.</param>
/// <param name="InputHash">The <see cref="VersionInputs.ComputeHash"/> of <paramref name="Inputs"/>.</param>
/// <param name="ImportIds">Ids of the actuals imports used, in the order given; may be empty.</param>
/// <param name="Note">What changed since the previous version, as the author wrote it; may be empty.</param>
/// <param name="BandsJson">The result as the UTF-8 bytes that <see cref="BandsJsonWriter"/> writes.</param>
public sealed record ForecastVersion(
    string Name,
    int Number,
    DateOnly? CutOff,
    DateTimeOffset CreatedAt,
    VersionInputs Inputs,
    string InputHash,
    IReadOnlyList<string> ImportIds,
    string Note,
    ImmutableArray<byte> BandsJson)
{
    /// <summary>Parses <see cref="BandsJson"/> into the forecast result.</summary>
    public ForecastResult ReadResult() => BandsJsonReader.Read(BandsJson.AsSpan());
}
