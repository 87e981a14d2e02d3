using System.Globalization;
using System.Text.RegularExpressions;

namespace Tokencast.Core.History;

/// <summary>
/// The rules every forecast history follows, whatever stores it: which names are valid, how a draft is
/// numbered, when a draft repeats an existing version, and the errors for an unknown name or version.
/// </summary>
public static partial class ForecastHistoryRules
{
    /// <summary>The longest forecast name accepted, in characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Throws unless <paramref name="name"/> is a valid forecast name.</summary>
    /// <remarks>
    /// Names are folder names and grain keys, so they are limited to lowercase ASCII letters, digits, '-',
    /// '_' and '.', starting with a letter or digit.
    /// </remarks>
    /// <exception cref="InvalidInputException">The name is empty, too long or has another character.</exception>
    public static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length <= MaxNameLength && NamePattern().IsMatch(name))
        {
            return;
        }

        throw new InvalidInputException(new InputProblem(null, null, "name", name,
            $"a forecast name is 1 to {MaxNameLength} characters of lowercase letters a-z, digits, '-', '_' "
            + "and '.', starting with a letter or digit, such as assistant-platform"));
    }

    /// <summary>
    /// Decides what adding <paramref name="draft"/> to <paramref name="existing"/> gives: the version with the
    /// same cut-off and input hash if there is one, else a new version numbered one above the highest.
    /// </summary>
    /// <param name="existing">The versions of the draft's forecast, in any order.</param>
    /// <param name="draft">The version to add.</param>
    /// <param name="createdAt">The creation time of a new version.</param>
    /// <exception cref="InvalidInputException">The draft's forecast name is invalid.</exception>
    public static HistoryAddition Add(
        IReadOnlyList<ForecastVersion> existing, ForecastVersionDraft draft, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(draft);
        CheckName(draft.Name);
        var inputHash = draft.Inputs.ComputeHash();
        var same = existing.FirstOrDefault(v => v.CutOff == draft.CutOff && v.InputHash == inputHash);
        if (same is not null)
        {
            return new HistoryAddition(same, Added: false);
        }

        var number = existing.Count == 0 ? 1 : existing.Max(v => v.Number) + 1;
        var version = new ForecastVersion(
            draft.Name,
            number,
            draft.CutOff,
            createdAt,
            draft.Inputs,
            inputHash,
            [.. draft.ImportIds],
            draft.Note,
            draft.BandsJson);
        return new HistoryAddition(version, Added: true);
    }

    /// <summary>Returns the versions of <paramref name="name"/>, or throws if the forecast has none.</summary>
    /// <exception cref="InvalidInputException">No version of the forecast is stored; lists the names that are.</exception>
    public static IReadOnlyList<ForecastVersion> ListExisting(this IForecastHistory history, string name)
    {
        ArgumentNullException.ThrowIfNull(history);
        var versions = history.List(name);
        if (versions.Count > 0)
        {
            return versions;
        }

        var names = history.Names();
        var known = names.Count == 0 ? "the history is empty" : "forecasts in the history: " + string.Join(", ", names);
        throw new InvalidInputException(new InputProblem(null, null, "name", name,
            $"no forecast of this name is in the history; {known}"));
    }

    /// <summary>Returns version <paramref name="number"/> of <paramref name="name"/>, or throws if it is missing.</summary>
    /// <exception cref="InvalidInputException">
    /// The forecast or the version is not stored; lists the forecasts or the version numbers that are.
    /// </exception>
    public static ForecastVersion GetExisting(this IForecastHistory history, string name, int number)
    {
        var versions = history.ListExisting(name);
        var version = versions.FirstOrDefault(v => v.Number == number);
        if (version is not null)
        {
            return version;
        }

        var numbers = string.Join(", ", versions.Select(v => v.Number.ToString(CultureInfo.InvariantCulture)));
        throw new InvalidInputException(new InputProblem(null, null, "version",
            number.ToString(CultureInfo.InvariantCulture),
            $"forecast {name} has no such version; its versions are {numbers}"));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
