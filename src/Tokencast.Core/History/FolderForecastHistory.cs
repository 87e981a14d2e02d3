using System.Globalization;
using System.Text.RegularExpressions;

namespace Tokencast.Core.History;

/// <summary>
/// A forecast history in a folder: one sub-folder per forecast, one <see cref="ForecastVersionFile"/> per
/// version named by its number (<c>000001.json</c>). A version file is written to a temporary file in the
/// same folder, flushed to disk and then renamed into place, so a failure part-way leaves every earlier
/// version as it was and adds no version.
/// </summary>
/// <remarks>
/// NOTE: two processes adding to one forecast at the same instant may pick the same number. The rename
/// refuses to replace an existing file, so the slower one fails with an IOException and can be retried.
/// </remarks>
public sealed partial class FolderForecastHistory : IForecastHistory
{
    /// <summary>The folder used when none is given, relative to the current folder.</summary>
    public static readonly string DefaultFolder = Path.Combine(".tokencast", "history");

    private readonly Action<ForecastVersion, Stream> _writeVersion;
    private readonly TimeProvider _time;

    /// <summary>Opens the history in <paramref name="folder"/>; the folder is created on the first add.</summary>
    /// <param name="folder">The history folder.</param>
    /// <param name="time">The clock that dates new versions; null for the system clock.</param>
    /// <param name="writeVersion">
    /// Writes a version file's content; null for <see cref="ForecastVersionFile.Write"/>. Tests pass a
    /// writer that fails part-way.
    /// </param>
    public FolderForecastHistory(
        string folder, TimeProvider? time = null, Action<ForecastVersion, Stream>? writeVersion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        _time = time ?? TimeProvider.System;
        _writeVersion = writeVersion ?? ForecastVersionFile.Write;
    }

    /// <summary>The full path of the history folder.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public HistoryAddition Add(ForecastVersionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ForecastHistoryRules.CheckName(draft.Name);
        var addition = ForecastHistoryRules.Add(List(draft.Name), draft, _time.GetUtcNow());
        if (!addition.Added)
        {
            return addition;
        }

        var forecastFolder = Directory.CreateDirectory(Path.Combine(Folder, draft.Name)).FullName;
        var path = Path.Combine(forecastFolder, FileName(addition.Version.Number));
        var temporary = Path.Combine(forecastFolder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                _writeVersion(addition.Version, stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }

        return addition;
    }

    /// <inheritdoc />
    public IReadOnlyList<ForecastVersion> List(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ForecastHistoryRules.CheckName(name);
        var forecastFolder = Path.Combine(Folder, name);
        if (!Directory.Exists(forecastFolder))
        {
            return [];
        }

        return [.. VersionFiles(forecastFolder)
            .OrderBy(file => file.Number)
            .Select(file => ForecastVersionFile.Read(File.ReadAllBytes(file.Path), file.Path))];
    }

    /// <inheritdoc />
    public ForecastVersion? GetVersion(string name, int number)
    {
        ArgumentNullException.ThrowIfNull(name);
        ForecastHistoryRules.CheckName(name);
        var path = Path.Combine(Folder, name, FileName(number));
        return number > 0 && File.Exists(path) ? ForecastVersionFile.Read(File.ReadAllBytes(path), path) : null;
    }

    /// <inheritdoc />
    public ForecastVersion? Latest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ForecastHistoryRules.CheckName(name);
        var forecastFolder = Path.Combine(Folder, name);
        if (!Directory.Exists(forecastFolder))
        {
            return null;
        }

        var newest = VersionFiles(forecastFolder).MaxBy(file => file.Number);
        return newest.Path is null ? null : ForecastVersionFile.Read(File.ReadAllBytes(newest.Path), newest.Path);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(Folder)
            .Where(folder => VersionFiles(folder).Any())
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];
    }

    private static string FileName(int number) => number.ToString("D6", CultureInfo.InvariantCulture) + ".json";

    /// <summary>Lists the version files of a forecast folder; temporary files left by a crash are skipped.</summary>
    private static IEnumerable<(string Path, int Number)> VersionFiles(string forecastFolder) =>
        Directory.EnumerateFiles(forecastFolder, "*.json")
            .Select(path => (Path: path, Match: VersionFileName().Match(System.IO.Path.GetFileName(path))))
            .Where(file => file.Match.Success)
            .Select(file => (file.Path, int.Parse(file.Match.Groups[1].Value, CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"^([0-9]{6,})\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionFileName();
}
