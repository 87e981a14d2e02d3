using System.Globalization;
using System.Text.Json;

namespace Tokencast.Core.History;

/// <summary>
/// The alerts of a version, stored next to its file in a folder history as <c>000002.alerts.json</c>. The
/// version file stays as it was, so older readers and the version's input hash are not affected.
/// </summary>
public static class AlertsFile
{
    /// <summary>Format name written in every alerts file.</summary>
    public const string Format = "tokencast.alerts.v1";

    /// <summary>Returns the path of the alerts file of version <paramref name="number"/> of <paramref name="name"/>.</summary>
    public static string PathOf(string historyFolder, string name, int number) =>
        Path.Combine(historyFolder, name, number.ToString("D6", CultureInfo.InvariantCulture) + ".alerts.json");

    /// <summary>
    /// Writes the alerts of one version, an empty list included: to a temporary file first, renamed into
    /// place once flushed, so that a reader never sees half a file.
    /// </summary>
    public static void Write(string path, int number, IReadOnlyList<SpendAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            WriteJson(stream, number, alerts);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the alerts of a version, or returns null when it has no alerts file.</summary>
    public static IReadOnlyList<SpendAlert>? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.GetProperty("alerts").EnumerateArray().Select(alert => new SpendAlert(
            DateOnly.ParseExact(alert.GetProperty("week_start").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(alert.GetProperty("week_end").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            alert.GetProperty("branch").GetString() ?? "",
            alert.GetProperty("actual_usd").GetDecimal(),
            alert.GetProperty("low_usd").GetDouble(),
            alert.GetProperty("high_usd").GetDouble(),
            alert.GetProperty("direction").GetString() ?? "",
            alert.GetProperty("message").GetString() ?? ""))];
    }

    private static void WriteJson(Stream stream, int number, IReadOnlyList<SpendAlert> alerts)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", number);
        json.WriteStartArray("alerts");
        foreach (var alert in alerts)
        {
            json.WriteStartObject();
            json.WriteString("week_start", alert.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("week_end", alert.WeekEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("branch", alert.Branch);
            json.WriteNumber("actual_usd", alert.ActualUsd);
            json.WriteNumber("low_usd", alert.LowUsd);
            json.WriteNumber("high_usd", alert.HighUsd);
            json.WriteString("direction", alert.Direction);
            json.WriteString("message", alert.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads the alert messages of a version, or returns null when it has no alerts file.</summary>
    public static IReadOnlyList<string>? ReadMessages(string path) => Read(path)?.Select(alert => alert.Message).ToList();
}
