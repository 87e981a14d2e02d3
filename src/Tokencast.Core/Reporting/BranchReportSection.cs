using System.Net;
using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Reporting;

/// <summary>Writes the HTML section of one branch: charts, summary, breakdowns, cost per task, assumptions.</summary>
internal static class BranchReportSection
{
    private const string None = "—";

    private static readonly HtmlTable.Column[] BreakdownColumns =
    [
        new("Name", IsNumber: false), new("P10"), new("P50"), new("P90"), new("Mean"), new("Share of mean"),
    ];

    /// <summary>Writes the section of <paramref name="branch"/>; <paramref name="id"/> must be unique in the page.</summary>
    public static void Write(TextWriter output, BranchForecast branch, string id, int trials)
    {
        output.WriteLine($"<section class=\"branch\" id=\"{id}\">");
        output.WriteLine($"<h2>Branch: {WebUtility.HtmlEncode(branch.Name)}</h2>");
        output.WriteLine(branch.Description.Length == 0
            ? "<p class=\"empty\">No description.</p>"
            : $"<p>{WebUtility.HtmlEncode(branch.Description)}</p>");
        WriteAssumptions(output, branch);
        WriteCharts(output, branch, id, trials);
        WriteSummary(output, branch);

        output.WriteLine("<h3>Breakdown over the horizon</h3>");
        WriteBreakdown(output, "By feature", branch.Features, branch.Total.Horizon.Mean);
        WriteBreakdown(output, "By cohort", branch.Cohorts, branch.Total.Horizon.Mean);
        WriteBreakdown(output, "By model, tool execution and human escalation", branch.Models, branch.Total.Horizon.Mean);
        WriteCostPerTask(output, branch);
        output.WriteLine("</section>");
    }

    private static void WriteAssumptions(TextWriter output, BranchForecast branch)
    {
        output.WriteLine("<h3>Assumptions</h3>");
        if (branch.Assumptions.Count == 0)
        {
            output.WriteLine("<p class=\"empty\">This branch changes no assumption of the base scenario.</p>");
            return;
        }

        HtmlTable.Write(
            output,
            "Values this branch changes relative to the base scenario",
            [new("Path", IsNumber: false), new("Base scenario", IsNumber: false), new("This branch", IsNumber: false)],
            branch.Assumptions.Select(a => new[] { a.Path, a.BaseValue, a.BranchValue }));
    }

    private static void WriteCharts(TextWriter output, BranchForecast branch, string id, int trials)
    {
        var monthlyBudgets = BranchBudgets.Monthly(branch);
        var monthlyBudgetUsd = branch.Total.Monthly
            .Select(m => monthlyBudgets.TryGetValue(m.Month, out var budget) ? budget.BudgetUsd : (double?)null)
            .ToArray();
        var horizonBudget = BranchBudgets.Horizon(branch);
        var totalBudgetUsd = branch.Cumulative
            .Select(_ => horizonBudget?.BudgetUsd)
            .ToArray();

        output.WriteLine("<h3>Monthly spend</h3><figure>");
        FanChartSvg.Write(
            output, id + "-monthly", $"Monthly total spend of branch {branch.Name}", branch.Total.Monthly,
            monthlyBudgetUsd, "Monthly budget");
        output.WriteLine($"<figcaption>Total spend per month over {ReportText.Count(trials)} trials.</figcaption>");
        output.WriteLine("</figure>");

        output.WriteLine("<h3>Cumulative spend</h3><figure>");
        FanChartSvg.Write(
            output, id + "-cumulative", $"Cumulative spend of branch {branch.Name}", branch.Cumulative,
            totalBudgetUsd, "Horizon budget");
        output.WriteLine("<figcaption>Spend from the first month to the end of each month.</figcaption>");
        output.WriteLine("</figure>");
    }

    private static void WriteSummary(TextWriter output, BranchForecast branch)
    {
        var monthlyBudgets = BranchBudgets.Monthly(branch);
        var rows = branch.Total.Monthly.Select(month =>
        {
            var budget = monthlyBudgets.GetValueOrDefault(month.Month);
            return SummaryRow(ReportText.MonthLabel(month.Month), month.Band, budget);
        });

        output.WriteLine("<h3>Monthly summary</h3>");
        HtmlTable.Write(
            output,
            "Total spend per month in USD; SE is the Monte Carlo standard error of the P50 estimate",
            [
                new("Month", IsNumber: false), new("P10"), new("P50"), new("P90"), new("Mean"), new("SE of P50"),
                new("Budget"), new("P(spend > budget)"),
            ],
            rows,
            SummaryRow("Horizon", branch.Total.Horizon, BranchBudgets.Horizon(branch)));
    }

    private static string[] SummaryRow(string label, Band band, BudgetOutlook? budget) =>
    [
        label,
        ReportText.Usd(band.P10),
        ReportText.Usd(band.P50),
        ReportText.Usd(band.P90),
        ReportText.Usd(band.Mean),
        ReportText.Usd(band.StandardErrors.P50),
        budget is null ? None : ReportText.Usd(budget.BudgetUsd),
        budget is null ? None : ReportText.Percent(budget.ExceedanceProbability),
    ];

    private static void WriteBreakdown(
        TextWriter output, string caption, IReadOnlyList<SeriesBands> series, double totalMeanUsd)
    {
        if (series.Count == 0)
        {
            output.WriteLine($"<p class=\"empty\">{WebUtility.HtmlEncode(caption)}: nothing to show.</p>");
            return;
        }

        HtmlTable.Write(
            output,
            caption + " (horizon spend in USD)",
            BreakdownColumns,
            series.Select(s => new[]
            {
                s.Name,
                ReportText.Usd(s.Horizon.P10),
                ReportText.Usd(s.Horizon.P50),
                ReportText.Usd(s.Horizon.P90),
                ReportText.Usd(s.Horizon.Mean),
                totalMeanUsd > 0 ? ReportText.Percent(s.Horizon.Mean / totalMeanUsd) : None,
            }));
    }

    private static void WriteCostPerTask(TextWriter output, BranchForecast branch)
    {
        output.WriteLine("<h3>Cost per task</h3>");
        if (branch.CostPerTask.Count == 0)
        {
            output.WriteLine("<p class=\"empty\">No feature has tasks in this branch.</p>");
            return;
        }

        HtmlTable.Write(
            output,
            "Cost of a single task in USD, and tasks per month as percentiles over trials",
            [
                new("Feature", IsNumber: false), new("Month", IsNumber: false), new("Mean"), new("Median"),
                new("P90"), new("P99"), new("SE of mean"), new("Tasks P10"), new("Tasks P50"), new("Tasks P90"),
            ],
            branch.CostPerTask.Select(cost => new[]
            {
                cost.Feature,
                ReportText.MonthLabel(cost.Month),
                ReportText.Usd(cost.MeanUsd),
                ReportText.Usd(cost.MedianUsd),
                ReportText.Usd(cost.P90Usd),
                ReportText.Usd(cost.P99Usd),
                ReportText.Percent(cost.MeanRelativeStandardError),
                ReportText.Count(cost.Tasks.P10),
                ReportText.Count(cost.Tasks.P50),
                ReportText.Count(cost.Tasks.P90),
            }));
    }
}
