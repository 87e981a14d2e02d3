using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Tokencast.Core.History;

namespace Tokencast.Cli.Commands;

/// <summary>Prints a <see cref="VersionDiff"/> as plain tables, as CSV, or as JSON.</summary>
internal static class VersionDiffWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void WriteTables(VersionDiff diff, IAnsiConsole console)
    {
        console.WriteLine($"forecast {diff.Name}: version {diff.OlderNumber} -> {diff.NewerNumber}");
        WriteMembership(console, "branches added", diff.AddedBranches);
        WriteMembership(console, "branches removed", diff.RemovedBranches);
        WriteMembership(console, "features added", diff.AddedFeatures.Select(f => $"{f.Branch}/{f.Feature}").ToList());
        WriteMembership(console, "features removed", diff.RemovedFeatures.Select(f => $"{f.Branch}/{f.Feature}").ToList());

        if (diff.Settings.Count > 0)
        {
            var settings = new Table().AddColumn("setting").AddColumn("older").AddColumn("newer");
            foreach (var setting in diff.Settings)
            {
                settings.AddRow(new Text(setting.Setting), new Text(setting.Older), new Text(setting.Newer));
            }

            console.Write(settings);
        }

        if (diff.Files.Count > 0)
        {
            var files = new Table()
                .AddColumn("file")
                .AddColumn("change")
                .AddColumn(new TableColumn("+lines").RightAligned())
                .AddColumn(new TableColumn("-lines").RightAligned())
                .AddColumn("changed paths");
            foreach (var file in diff.Files)
            {
                files.AddRow(
                    new Text(file.File),
                    new Text(Status(file.Status, "changed")),
                    new Text(file.LinesAdded.ToString(CultureInfo.InvariantCulture)),
                    new Text(file.LinesRemoved.ToString(CultureInfo.InvariantCulture)),
                    new Text(string.Join(", ", file.ChangedPaths)));
            }

            console.Write(files);
        }
        else
        {
            console.WriteLine("input files: unchanged");
        }

        var bands = new Table().AddColumn("branch").AddColumn("series").AddColumn("month").AddColumn("status");
        foreach (var column in new[] { "P10", "P50", "P90", "mean", "P50 change", "P50 change %" })
        {
            bands.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var row in diff.Bands)
        {
            bands.AddRow(
                new Text(row.Branch),
                new Text(row.Feature ?? "total"),
                new Text(Month(row.Month)),
                new Text(Status(row.Status, "")),
                new Text(Pair(row.P10)),
                new Text(Pair(row.P50)),
                new Text(Pair(row.P90)),
                new Text(Pair(row.Mean)),
                new Text(Usd(row.P50.Absolute)),
                new Text(Percent(row.P50.Relative)));
        }

        console.Write(bands);
    }

    /// <summary>
    /// Writes one CSV record per band row: for each of P10, P50, P90 and mean, the older and newer value,
    /// the change and the relative change. A missing value is an empty field.
    /// </summary>
    public static void WriteCsv(VersionDiff diff, TextWriter output)
    {
        var header = new List<string> { "branch", "series", "month", "status" };
        foreach (var statistic in new[] { "p10", "p50", "p90", "mean" })
        {
            header.AddRange([$"{statistic}_older", $"{statistic}_newer", $"{statistic}_change",
                $"{statistic}_relative_change"]);
        }

        output.Write(string.Join(',', header) + "\r\n");
        foreach (var row in diff.Bands)
        {
            var fields = new List<string>
            {
                Csv(row.Branch), Csv(row.Feature ?? "total"), Month(row.Month), Status(row.Status, "in_both"),
            };
            foreach (var change in new[] { row.P10, row.P50, row.P90, row.Mean })
            {
                fields.AddRange([Number(change.Older), Number(change.Newer), Number(change.Absolute),
                    Number(change.Relative)]);
            }

            output.Write(string.Join(',', fields) + "\r\n");
        }
    }

    /// <summary>Writes the whole diff as indented JSON with snake_case keys.</summary>
    public static void WriteJson(VersionDiff diff, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(diff, JsonOptions));

    private static void WriteMembership(IAnsiConsole console, string label, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            console.WriteLine($"{label}: {string.Join(", ", items)}");
        }
    }

    private static string Status(DiffStatus status, string inBoth) => status switch
    {
        DiffStatus.Added => "added",
        DiffStatus.Removed => "removed",
        _ => inBoth,
    };

    private static string Month(DateOnly? month) =>
        month?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "horizon";

    private static string Pair(StatisticChange change) => $"{Usd(change.Older)} -> {Usd(change.Newer)}";

    private static string Usd(double? value) =>
        value is { } usd ? usd.ToString("#,##0.00", CultureInfo.InvariantCulture) : "-";

    private static string Percent(double? value) =>
        value is { } share ? (share * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : "-";

    private static string Number(double? value) =>
        value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
