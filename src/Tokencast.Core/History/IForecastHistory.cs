namespace Tokencast.Core.History;

/// <summary>
/// The stored versions of tracked forecasts. A version is never changed or removed once added.
/// </summary>
public interface IForecastHistory
{
    /// <summary>
    /// Adds <paramref name="draft"/> as the next version of its forecast, unless a version of that forecast
    /// has the same cut-off and input hash; then nothing is written and that version is returned.
    /// </summary>
    /// <exception cref="InvalidInputException">The forecast name is invalid.</exception>
    HistoryAddition Add(ForecastVersionDraft draft);

    /// <summary>Returns the versions of <paramref name="name"/>, oldest first; empty for an unknown name.</summary>
    IReadOnlyList<ForecastVersion> List(string name);

    /// <summary>Returns version <paramref name="number"/> of <paramref name="name"/>, or null if there is none.</summary>
    ForecastVersion? GetVersion(string name, int number);

    /// <summary>Returns the newest version of <paramref name="name"/>, or null if it has none.</summary>
    ForecastVersion? Latest(string name);

    /// <summary>Returns the names of the forecasts that have at least one version, in ordinal order.</summary>
    IReadOnlyList<string> Names();
}
