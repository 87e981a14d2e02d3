using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Tokencast.Core;
using Tokencast.Core.Actuals;
using Tokencast.Core.Variance;

namespace Tokencast.Cli.Commands;

/// <summary>
/// <c>tokencast actuals</c>: cost per task per feature and week or month from an actuals store, the weeks
/// where cost per task shifted (CUSUM), and estimated against billed cost per month.
/// </summary>
internal static class ActualsCommand
{
    public static Command Create()
    {
        var store = new Option<DirectoryInfo?>("--store")
        {
            Description = $"Actuals store folder; default {ActualsStore.DefaultDirectory} under the current directory.",
        };
        var period = new Option<string>("--period") { Description = "Period of the series: week (ISO, Monday) or month.", DefaultValueFactory = _ => "week" };
        period.AcceptOnlyFromAmong("week", "month");
        var from = new Option<string?>("--from") { Description = "First date to include, YYYY-MM-DD (UTC)." };
        var until = new Option<string?>("--until") { Description = "Date to stop before, YYYY-MM-DD (UTC); that day is left out." };
        var format = new Option<string>("--format") { Description = "table or csv (the series only).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");

        var command = new Command("actuals", "Report cost per task, its shifts, and estimated against billed cost from an actuals store.")
        {
            store, period, from, until, format,
        };
        command.SetAction(parseResult => CommandRunner.Run(
            () => Execute(
                parseResult.GetValue(store)?.FullName ?? ActualsStore.DefaultDirectory,
                parseResult.GetValue(period) == "month" ? SeriesPeriod.Month : SeriesPeriod.IsoWeek,
                Date("--from", parseResult.GetValue(from)),
                Date("--until", parseResult.GetValue(until)),
                parseResult.GetValue(format) == "csv",
                parseResult.InvocationConfiguration.Output),
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Invoke(string[] args, TextWriter output, TextWriter error) =>
        Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    internal static int Execute(string storeFolder, SeriesPeriod period, DateOnly? from, DateOnly? until, bool csv, TextWriter output)
    {
        if (!Directory.Exists(storeFolder))
        {
            throw new InvalidInputException(new InputProblem(storeFolder, null, "--store", null,
                "no actuals store here; import files with tokencast ingest first, or name the store with --store"));
        }

        if (from is { } first && until is { } last && first >= last)
        {
            throw new InvalidInputException(new InputProblem(null, null, "--until", Date(last),
                $"must be after --from {Date(first)}; --until is the first day left out"));
        }

        var store = new ActualsStore(storeFolder);
        var start = from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = until?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var calls = store.ReadUsage(start, end);
        var tasks = TaskActuals.FromCalls(calls);
        var series = CostPerTaskSeries.Build(tasks, period);
        if (csv)
        {
            WriteCsv(output, series);
            return CommandRunner.Success;
        }

        var console = ConsoleFactory.Plain(output, 200);
        console.Write(SeriesTable(series, period));
        console.Write(ShiftsTable(CostPerTaskSeries.Build(tasks, SeriesPeriod.IsoWeek)));
        console.Write(CostTable(calls, store.ReadBilled(start, end)));
        var untimed = calls.Count(call => call.Timestamp is null);
        if (untimed > 0)
        {
            output.WriteLine($"{untimed:N0} calls without a time are left out of the tasks, since a task needs a date.");
        }

        return CommandRunner.Success;
    }

    private static Table SeriesTable(IReadOnlyList<CostPerTaskPoint> series, SeriesPeriod period)
    {
        var table = new Table().Title(period == SeriesPeriod.Month ? "cost per task by month" : "cost per task by week (starting Monday)");
        foreach (var name in new[] { "feature", "period", "tasks", "unknown cost", "calls/task", "uncached input/task", "cache read/task",
            "cache write/task", "output/task", "USD/task", "cache hit", "escalated" })
        {
            table.AddColumn(name == "feature" || name == "period" ? new TableColumn(name) : new TableColumn(name).RightAligned());
        }

        foreach (var point in series)
        {
            table.AddRow(
                point.Feature, Date(point.PeriodStart), Count(point.Tasks), Count(point.TasksWithUnknownCost),
                Number(point.CallsPerTask), Number(point.TokensPerTask.UncachedInput), Number(point.TokensPerTask.CacheRead),
                Number(point.TokensPerTask.CacheWrite), Number(point.TokensPerTask.Output),
                point.CostPerTaskUsd is { } cost ? Usd(cost) : "unknown",
                point.CacheHitRate is { } hit ? Percent(hit) : "-", Percent(point.EscalationRate));
        }

        return table;
    }

    private static Table ShiftsTable(IReadOnlyList<CostPerTaskPoint> weekly)
    {
        var table = new Table().Title("shifts in weekly cost per task (tabular CUSUM, docs/variance.md)")
            .AddColumn("feature").AddColumn("result");
        foreach (var feature in weekly.GroupBy(point => point.Feature, StringComparer.Ordinal))
        {
            string text;
            var options = new CusumOptions();
            var priced = feature.Count(point => point.CostPerTaskUsd is not null);
            if (priced <= options.BaselineWeeks)
            {
                table.AddRow(Markup.Escape(feature.Key), Markup.Escape(
                    $"not tested: {priced} priced {(priced == 1 ? "week" : "weeks")}; the test needs {options.BaselineWeeks} "
                    + "for the baseline and at least one after it"));
                continue;
            }

            try
            {
                var result = CusumDetector.Detect([.. feature], options);
                text = result.ChangePoint is { } change
                    ? $"{(change.Direction == ShiftDirection.Up ? "up" : "down")} from the week of {Date(change.ChangeWeek)} "
                        + $"(flagged {Date(change.AlarmWeek)}): {Usd(change.BaselineCostPerTaskUsd)} to {Usd(change.NewCostPerTaskUsd)} per task"
                    : $"no shift in {result.WeeksMonitored} weeks after the baseline of {Usd(result.BaselineCostPerTaskUsd)} per task";
            }
            catch (ArgumentException exception)
            {
                // The detector names its parameter in the message; the reader needs only the reason.
                text = $"not tested: {exception.Message.Split(" (Parameter", 2)[0]}";
            }

            table.AddRow(Markup.Escape(feature.Key), Markup.Escape(text));
        }

        return table;
    }

    private static Table CostTable(IReadOnlyList<UsageActual> calls, IReadOnlyList<BilledActual> bills)
    {
        var table = new Table().Title("estimated (tokens x catalog) against billed (FOCUS) cost by month")
            .AddColumn("month").AddColumn(new TableColumn("estimated USD").RightAligned())
            .AddColumn(new TableColumn("calls without usage").RightAligned())
            .AddColumn(new TableColumn("billed").RightAligned()).AddColumn(new TableColumn("billed - estimated (USD)").RightAligned());
        var estimated = calls.Where(call => call.Timestamp is not null)
            .GroupBy(call => Month(call.Timestamp!.Value))
            .ToDictionary(g => g.Key, g => (Usd: g.Sum(call => call.EstimatedCostUsd ?? 0m), Unknown: g.Count(call => call.IsUsageUnknown)));
        var billed = bills.GroupBy(bill => Month(bill.ChargePeriodStart))
            .ToDictionary(g => g.Key, g => g.GroupBy(bill => bill.BillingCurrency, StringComparer.Ordinal)
                .ToDictionary(c => c.Key, c => c.Sum(bill => bill.BilledCost), StringComparer.Ordinal));
        foreach (var month in estimated.Keys.Union(billed.Keys).Order())
        {
            var (usd, unknown) = estimated.GetValueOrDefault(month);
            var byCurrency = billed.GetValueOrDefault(month) ?? [];
            var billedText = byCurrency.Count == 0 ? "-" : string.Join(", ", byCurrency.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => $"{c.Value.ToString("0.00", CultureInfo.InvariantCulture)} {c.Key}"));
            var gap = byCurrency.TryGetValue("USD", out var billedUsd) && estimated.ContainsKey(month) ? Usd(billedUsd - usd) : "-";
            table.AddRow(Date(month), Usd(usd), Count(unknown), billedText, gap);
        }

        return table;
    }

    private static void WriteCsv(TextWriter output, IReadOnlyList<CostPerTaskPoint> series)
    {
        var text = new StringBuilder("feature,period_start,tasks,tasks_unknown_cost,calls_per_task,uncached_input_per_task,"
            + "cache_read_per_task,cache_write_per_task,output_per_task,cost_per_task_usd,cache_hit_rate,escalation_rate\n");
        foreach (var p in series)
        {
            text.AppendJoin(',', Csv(p.Feature), Date(p.PeriodStart), Invariant(p.Tasks), Invariant(p.TasksWithUnknownCost),
                Invariant(p.CallsPerTask), Invariant(p.TokensPerTask.UncachedInput), Invariant(p.TokensPerTask.CacheRead),
                Invariant(p.TokensPerTask.CacheWrite), Invariant(p.TokensPerTask.Output), p.CostPerTaskUsd is { } c ? Invariant(c) : "",
                p.CacheHitRate is { } h ? Invariant(h) : "", Invariant(p.EscalationRate)).Append('\n');
        }

        output.Write(text.ToString());
    }

    private static DateOnly? Date(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidInputException(new InputProblem(null, null, option, text, "is not a date; write YYYY-MM-DD"));
    }

    private static DateOnly Month(DateTimeOffset time) => new(time.UtcDateTime.Year, time.UtcDateTime.Month, 1);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Usd(decimal value) =>
        (value < 0 ? "-$" : "$") + Math.Abs(value).ToString("#,0.######", CultureInfo.InvariantCulture);

    private static string Percent(decimal value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Csv(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;
}
