namespace Tokencast.Core.Reporting;

/// <summary>Full paths of the files that <see cref="ForecastOutputWriter"/> wrote.</summary>
/// <param name="BandsCsv">The bands table, <c>bands.csv</c>.</param>
/// <param name="CostPerTaskCsv">The cost per task table, <c>cost_per_task.csv</c>.</param>
/// <param name="BandsJson">The whole result as JSON, <c>bands.json</c>.</param>
/// <param name="Report">The HTML report, <c>report.html</c>.</param>
public sealed record ForecastOutputFiles(
    string BandsCsv, string CostPerTaskCsv, string BandsJson, string Report)
{
    /// <summary>Returns the paths in the order they are written.</summary>
    public IReadOnlyList<string> All => [BandsCsv, CostPerTaskCsv, BandsJson, Report];
}
