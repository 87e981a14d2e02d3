using System.Globalization;
using Spectre.Console;
using Tokencast.Core.Forecasting;

namespace Tokencast.Cli.Commands;

/// <summary>Prints the bands of a forecast as plain tables: one per branch, plus cost per task.</summary>
internal static class BandTable
{
    public static void Render(ForecastResult result, IAnsiConsole console)
    {
        console.WriteLine(
            $"{result.Scenario}: {result.Months} months from {result.FirstMonth:yyyy-MM}, "
            + $"{result.Trials} trials per branch, seed {result.Seed}");
        foreach (var branch in result.Branches)
        {
            console.WriteLine();
            console.WriteLine(string.IsNullOrEmpty(branch.Description) ? $"branch {branch.Name}" : $"branch {branch.Name}: {branch.Description}");
            console.Write(MonthTable(branch));
            console.Write(CostPerTaskTable(branch));
        }
    }

    private static Table MonthTable(BranchForecast branch)
    {
        var table = new Table().AddColumn("month");
        foreach (var column in new[] { "P5", "P10", "P50", "P90", "P95", "mean", "±SE P50", "budget", "P(over)" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        var budgets = branch.Budget.Where(b => b.Month is not null).ToDictionary(b => b.Month!.Value);
        foreach (var month in branch.Total.Monthly)
        {
            var band = month.Band;
            budgets.TryGetValue(month.Month, out var budget);
            table.AddRow(
                month.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                Usd(band.P5), Usd(band.P10), Usd(band.P50), Usd(band.P90), Usd(band.P95), Usd(band.Mean),
                Usd(band.StandardErrors.P50),
                budget is null ? "" : Usd(budget.BudgetUsd),
                budget is null ? "" : Percent(budget.ExceedanceProbability));
        }

        var horizon = branch.Total.Horizon;
        var total = branch.Budget.FirstOrDefault(b => b.Month is null);
        table.AddRow(
            "total",
            Usd(horizon.P5), Usd(horizon.P10), Usd(horizon.P50), Usd(horizon.P90), Usd(horizon.P95), Usd(horizon.Mean),
            Usd(horizon.StandardErrors.P50),
            total is null ? "" : Usd(total.BudgetUsd),
            total is null ? "" : Percent(total.ExceedanceProbability));
        return table;
    }

    private static Table CostPerTaskTable(BranchForecast branch)
    {
        var table = new Table().AddColumn("feature");
        foreach (var column in new[] { "spend P50", "spend P90", "share", "$/task mean", "$/task P50", "$/task P99", "tasks/month P50" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        var totalMean = branch.Total.Horizon.Mean;
        var lastMonth = branch.Total.Monthly[^1].Month;
        foreach (var feature in branch.Features)
        {
            var cost = branch.CostPerTask.Last(c => c.Feature == feature.Name && c.Month == lastMonth);
            table.AddRow(
                feature.Name,
                Usd(feature.Horizon.P50),
                Usd(feature.Horizon.P90),
                totalMean > 0 ? Percent(feature.Horizon.Mean / totalMean) : "",
                TaskUsd(cost.MeanUsd),
                TaskUsd(cost.MedianUsd),
                TaskUsd(cost.P99Usd),
                cost.Tasks.P50.ToString("N0", CultureInfo.InvariantCulture));
        }

        table.Caption($"spend over the horizon; cost per task in {lastMonth:yyyy-MM}");
        return table;
    }

    // Whole dollars, but cents below $100 so that small scenarios do not round to zero.
    internal static string Usd(double value) =>
        !double.IsFinite(value) ? "n/a"
        : Math.Abs(value) < 100 ? value.ToString("$0.00", CultureInfo.InvariantCulture)
        : value.ToString("$#,##0", CultureInfo.InvariantCulture);

    private static string TaskUsd(double value) => value.ToString("$0.00000", CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);
}
