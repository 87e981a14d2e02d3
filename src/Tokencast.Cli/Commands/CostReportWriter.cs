using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Tokencast.Core.Logs;

namespace Tokencast.Cli.Commands;

/// <summary>Writes a log cost report as a table, JSON or CSV. Costs are rounded only here, for display.</summary>
internal static class CostReportWriter
{
    private const string NoFeature = "(no feature)";

    public static void WriteTable(TextWriter output, LogCostReport report, DateOnly today)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 100;

        console.Write(TotalsTable("model", report.ByModelUsd));
        console.Write(TotalsTable("feature", report.ByFeatureUsd.ToDictionary(
            pair => pair.Key.Length == 0 ? NoFeature : pair.Key, pair => pair.Value)));

        var summary = new Table().AddColumn("summary").AddColumn(new TableColumn("value").RightAligned());
        summary.AddRow("total USD", Money(report.TotalUsd));
        summary.AddRow("rows priced", Count(report.RowsPriced));
        summary.AddRow("rows without usage (not priced)", Count(report.RowsWithoutUsage));
        summary.AddRow("duplicate snapshots merged", Count(report.DuplicatesMerged));
        summary.AddRow("failed calls priced", Count(report.FailedRowsPriced));
        summary.AddRow($"rows without a date, priced at {Date(today)}", Count(report.RowsPricedAtToday));
        console.Write(summary);
    }

    public static void WriteJson(TextWriter output, LogCostReport report, DateOnly today)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("total_usd", report.TotalUsd);
            json.WriteNumber("rows_priced", report.RowsPriced);
            json.WriteNumber("rows_without_usage", report.RowsWithoutUsage);
            json.WriteNumber("duplicates_merged", report.DuplicatesMerged);
            json.WriteNumber("failed_rows_priced", report.FailedRowsPriced);
            json.WriteNumber("rows_priced_at_default_date", report.RowsPricedAtToday);
            json.WriteString("default_price_date", Date(today));
            WriteTotals(json, "by_model", report.ByModelUsd);
            WriteTotals(json, "by_feature", report.ByFeatureUsd);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void WriteCsv(TextWriter output, RequestLog log, LogCostReport report)
    {
        string[] added = ["cost_usd", "cost_status"];
        output.WriteLine(string.Join(',', log.Columns.Concat(added).Select(Quote)));
        foreach (var row in report.Rows)
        {
            var values = log.Columns.Select(column => row.Record.Fields.GetValueOrDefault(column) ?? "");
            var cost = row.Cost is null ? "" : Exact(row.Cost.TotalUsd);
            output.WriteLine(string.Join(',', values.Append(cost).Append(row.StatusText).Select(Quote)));
        }
    }

    private static Table TotalsTable(string name, IReadOnlyDictionary<string, decimal> totals)
    {
        var table = new Table().AddColumn(name).AddColumn(new TableColumn("cost USD").RightAligned());
        foreach (var (key, value) in totals.OrderByDescending(pair => pair.Value))
        {
            table.AddRow(Markup.Escape(key), Money(value));
        }

        return table;
    }

    private static void WriteTotals(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, decimal> totals)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in totals)
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, and its quotes are doubled.
    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    // All 28 possible decimal places, so no digit is lost and trailing zeros are dropped.
    private static string Exact(decimal usd) =>
        usd.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Money(decimal usd) => usd.ToString("#,0.000000", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
