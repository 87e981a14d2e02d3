using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes cost per task by branch, feature and month as a CSV table (RFC 4180, invariant culture, CRLF).
/// </summary>
/// <remarks>
/// This is a separate table from <see cref="BandsCsvWriter"/> because its rows describe one task, not a
/// month of spend, and have other columns. The mean, median, P90 and P99 are the cost of a single task in
/// USD, written with up to 10 decimals. <c>mean_relative_se</c> is the sampling error of the mean relative
/// to it. The task columns are percentiles over trials of the number of tasks in the month.
/// </remarks>
public static class CostPerTaskCsvWriter
{
    /// <summary>The header row, without the record separator.</summary>
    public const string Header =
        "branch,feature,month,mean_usd,median_usd,p90_usd,p99_usd,mean_relative_se," +
        "tasks_p10,tasks_p50,tasks_p90";

    /// <summary>
    /// Writes the header and one row per branch, feature and month to <paramref name="destination"/>.
    /// </summary>
    public static void Write(ForecastResult result, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);

        destination.Write(Header);
        destination.Write(CsvText.RecordEnd);
        foreach (var branch in result.Branches)
        {
            foreach (var cost in branch.CostPerTask)
            {
                string[] fields =
                [
                    CsvText.Field(branch.Name),
                    CsvText.Field(cost.Feature),
                    ReportText.Month(cost.Month),
                    TaskCost(cost.MeanUsd),
                    TaskCost(cost.MedianUsd),
                    TaskCost(cost.P90Usd),
                    TaskCost(cost.P99Usd),
                    Plain(cost.MeanRelativeStandardError),
                    Plain(cost.Tasks.P10),
                    Plain(cost.Tasks.P50),
                    Plain(cost.Tasks.P90),
                ];
                destination.Write(string.Join(',', fields));
                destination.Write(CsvText.RecordEnd);
            }
        }
    }

    private static string TaskCost(double value) => CsvText.Number(value, CsvText.TaskCostFormat);

    private static string Plain(double value) => CsvText.Number(value, CsvText.PlainFormat);
}
