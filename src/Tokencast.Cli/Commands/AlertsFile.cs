using System.Globalization;
using System.Text.Json;

namespace Tokencast.Cli.Commands;

/// <summary>
/// The alerts of a version, stored next to its file in a folder history as <c>000002.alerts.json</c>. The
/// version file stays as it was, so older readers and the version's input hash are not affected.
/// </summary>
internal static class AlertsFile
{
    /// <summary>Format name written in every alerts file.</summary>
    public const string Format = "tokencast.alerts.v1";

    /// <summary>Returns the path of the alerts file of version <paramref name="number"/> of <paramref name="name"/>.</summary>
    public static string PathOf(string historyFolder, string name, int number) =>
        Path.Combine(historyFolder, name, number.ToString("D6", CultureInfo.InvariantCulture) + ".alerts.json");

    /// <summary>Writes the alerts of one version, an empty list included.</summary>
    public static void Write(string path, int number, IReadOnlyList<SpendAlert> alerts)
    {
        using var stream = File.Create(path);
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
    public static IReadOnlyList<string>? ReadMessages(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.GetProperty("alerts").EnumerateArray()
            .Select(alert => alert.GetProperty("message").GetString() ?? "")];
    }
}
