using System.Net;
using Tokencast.Core.Forecasting;
using Column = Tokencast.Core.Reporting.HtmlTable.Column;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes the HTML section of one branch: charts, summary, breakdowns, cost per task, assumptions.
/// </summary>
internal static class BranchReportSection
{
    private const string None = "—";

    private static readonly Column[] BreakdownColumns =
    [
        Column.Label("Name"), Column.Number("P10"), Column.Number("P50"), Column.Number("P90"),
        Column.Number("Mean"), Column.Number("Share of mean"),
    ];

    /// <summary>
    /// Writes the section of <paramref name="branch"/>, with the "What widens the band" part when
    /// <paramref name="sensitivity"/> is given. The <paramref name="id"/> must be unique in the page.
    /// </summary>
    public static void Write(
        TextWriter output, BranchForecast branch, string id, int trials, BranchSensitivity? sensitivity = null)
    {
        output.WriteLine($"<section class=\"branch\" id=\"{id}\">");
        output.WriteLine($"<h2>Branch: {WebUtility.HtmlEncode(branch.Name)}</h2>");
        output.WriteLine(branch.Description.Length == 0
            ? "<p class=\"empty\">No description.</p>"
            : $"<p>{WebUtility.HtmlEncode(branch.Description)}</p>");
        WriteAssumptions(output, branch);
        WriteCharts(output, branch, id, trials);
        WriteSummary(output, branch);
        if (sensitivity is not null)
        {
            SensitivityReportSection.Write(output, sensitivity, id);
        }

        output.WriteLine("<h3>Breakdown over the horizon</h3>");
        var totalMeanUsd = branch.Total.Horizon.Mean;
        WriteBreakdown(output, "By feature", branch.Features, totalMeanUsd);
        WriteBreakdown(output, "By cohort", branch.Cohorts, totalMeanUsd);
        WriteBreakdown(output, "By model, tool execution and human escalation", branch.Models, totalMeanUsd);
        WriteCostPerTask(output, branch);
        output.WriteLine("</section>");
    }

    private static void WriteAssumptions(TextWriter output, BranchForecast branch)
    {
        output.WriteLine("<h3>Assumptions</h3>");
        if (branch.Assumptions.Count == 0)
        {
            output.WriteLine(
                "<p class=\"empty\">This branch changes no assumption of the base scenario.</p>");
            return;
        }

        HtmlTable.Write(
            output,
            "Values this branch changes relative to the base scenario",
            [Column.Label("Path"), Column.Text("Base scenario"), Column.Text("This branch")],
            branch.Assumptions.Select(a => new[] { a.Path, a.BaseValue, a.BranchValue }));
    }

    private static void WriteCharts(TextWriter output, BranchForecast branch, string id, int trials)
    {
        var monthlyBudgets = BranchBudgets.Monthly(branch);
        var monthlyBudgetUsd = branch.Total.Monthly
            .Select(m => monthlyBudgets.GetValueOrDefault(m.Month)?.BudgetUsd)
            .ToArray();
        var horizonBudget = BranchBudgets.Horizon(branch);
        var totalBudgetUsd = branch.Cumulative
            .Select(_ => horizonBudget?.BudgetUsd)
            .ToArray();

        output.WriteLine("<h3>Monthly spend</h3><figure>");
        FanChartSvg.Write(
            output, id + "-monthly", $"Monthly total spend of branch {branch.Name}", branch.Total.Monthly,
            monthlyBudgetUsd, "Monthly budget");
        output.WriteLine(
            $"<figcaption>Total spend per month over {ReportText.Count(trials)} trials.</figcaption>");
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
                Column.Label("Month"), Column.Number("P10"), Column.Number("P50"), Column.Number("P90"),
                Column.Number("Mean"), Column.Number("SE of P50"), Column.Number("Budget"),
                Column.Number("P(spend > budget)"),
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
                Column.Label("Feature"), Column.Label("Month"),
                Column.Number("Mean"), Column.Number("Median"), Column.Number("P90"), Column.Number("P99"),
                Column.Number("SE of mean"),
                Column.Number("Tasks P10"), Column.Number("Tasks P50"), Column.Number("Tasks P90"),
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
