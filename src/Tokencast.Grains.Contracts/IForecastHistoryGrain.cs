using System.Collections.Immutable;
using Tokencast.Core.History;

namespace Tokencast.Grains;

/// <summary>
/// The versions of one tracked forecast, keyed by the forecast name, in grain storage. Adding follows
/// <see cref="ForecastHistoryRules"/>, as the folder history does.
/// </summary>
[Alias("tokencast.IForecastHistoryGrain")]
public interface IForecastHistoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds <paramref name="draft"/> as the next version, unless a version has the same cut-off and input
    /// hash; then that version is returned. The draft's name must be the grain's key.
    /// </summary>
    [Alias("Add")]
    Task<HistoryAddition> Add(ForecastVersionDraft draft);

    /// <summary>Returns every version, oldest first.</summary>
    [Alias("List")]
    Task<ImmutableArray<ForecastVersion>> List();

    /// <summary>Returns version <paramref name="number"/>, or null if there is none.</summary>
    [Alias("GetVersion")]
    Task<ForecastVersion?> GetVersion(int number);

    /// <summary>Returns the newest version, or null if there is none.</summary>
    [Alias("Latest")]
    Task<ForecastVersion?> Latest();
}
