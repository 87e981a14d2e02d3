using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes the bands of a forecast as one long-format CSV table (RFC 4180, invariant culture, CRLF).
/// </summary>
/// <remarks>
/// <para>
/// One row per branch, series kind, series name and month. The kinds are <c>total</c>,
/// <c>cumulative</c>, <c>feature</c>, <c>cohort</c> and <c>model</c> (the model kind also contains the
/// tool execution and human escalation cost lines). Every series except <c>cumulative</c> ends with a
/// horizon row whose month is empty. Cumulative spend has no horizon row because its last month already
/// is the horizon total.
/// </para>
/// <para>
/// USD values are written with up to 6 decimals (<c>0.######</c>), not rounded to cents, so small series
/// and standard errors keep their digits. <c>budget_usd</c> and <c>p_exceed_budget</c> are filled only on
/// total rows whose month (or the horizon) has a budget.
/// </para>
/// </remarks>
public static class BandsCsvWriter
{
    /// <summary>The header row, without the record separator.</summary>
    public const string Header =
        "branch,kind,series,month,p5,p10,p50,p90,p95,mean," +
        "se_p5,se_p10,se_p50,se_p90,se_p95,se_mean,budget_usd,p_exceed_budget";

    /// <summary>
    /// Writes the header and every row of <paramref name="result"/> to <paramref name="destination"/>.
    /// </summary>
    public static void Write(ForecastResult result, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);

        destination.Write(Header);
        destination.Write(CsvText.RecordEnd);
        foreach (var branch in result.Branches)
        {
            var budgets = BranchBudgets.Monthly(branch);
            var horizonBudget = BranchBudgets.Horizon(branch);
            WriteSeries(destination, branch.Name, "total", branch.Total, budgets, horizonBudget);
            foreach (var month in branch.Cumulative)
            {
                WriteRow(
                    destination, branch.Name, "cumulative", branch.Total.Name, month.Month, month.Band, null);
            }

            WriteAll(destination, branch.Name, "feature", branch.Features);
            WriteAll(destination, branch.Name, "cohort", branch.Cohorts);
            WriteAll(destination, branch.Name, "model", branch.Models);
        }
    }

    private static void WriteAll(
        TextWriter destination, string branch, string kind, IEnumerable<SeriesBands> series)
    {
        foreach (var item in series)
        {
            WriteSeries(destination, branch, kind, item, null, null);
        }
    }

    private static void WriteSeries(
        TextWriter destination,
        string branch,
        string kind,
        SeriesBands series,
        Dictionary<DateOnly, BudgetOutlook>? monthlyBudgets,
        BudgetOutlook? horizonBudget)
    {
        foreach (var month in series.Monthly)
        {
            var budget = monthlyBudgets?.GetValueOrDefault(month.Month);
            WriteRow(destination, branch, kind, series.Name, month.Month, month.Band, budget);
        }

        WriteRow(destination, branch, kind, series.Name, null, series.Horizon, horizonBudget);
    }

    private static void WriteRow(
        TextWriter destination,
        string branch,
        string kind,
        string series,
        DateOnly? month,
        Band band,
        BudgetOutlook? budget)
    {
        var errors = band.StandardErrors;
        string[] fields =
        [
            CsvText.Field(branch),
            kind,
            CsvText.Field(series),
            month is { } start ? ReportText.Month(start) : "",
            Spend(band.P5), Spend(band.P10), Spend(band.P50),
            Spend(band.P90), Spend(band.P95), Spend(band.Mean),
            Spend(errors.P5), Spend(errors.P10), Spend(errors.P50),
            Spend(errors.P90), Spend(errors.P95), Spend(errors.Mean),
            budget is null ? "" : Spend(budget.BudgetUsd),
            budget is null ? "" : CsvText.Number(budget.ExceedanceProbability, CsvText.PlainFormat),
        ];
        destination.Write(string.Join(',', fields));
        destination.Write(CsvText.RecordEnd);
    }

    private static string Spend(double value) => CsvText.Number(value, CsvText.SpendFormat);
}
