namespace Tokencast.Core.Reporting;

/// <summary>Full paths of the files that <see cref="ForecastOutputWriter"/> wrote.</summary>
/// <param name="BandsCsv">The bands table, <c>bands.csv</c>.</param>
/// <param name="CostPerTaskCsv">The cost per task table, <c>cost_per_task.csv</c>.</param>
/// <param name="BandsJson">The whole result as JSON, <c>bands.json</c>.</param>
/// <param name="Report">The HTML report, <c>report.html</c>.</param>
public sealed record ForecastOutputFiles(
    string BandsCsv, string CostPerTaskCsv, string BandsJson, string Report)
{
    /// <summary>The sensitivity table, <c>sensitivity.csv</c>, or null when no ranking was written.</summary>
    public string? SensitivityCsv { get; init; }

    /// <summary>The sensitivity ranking as JSON, <c>sensitivity.json</c>, or null when none was written.</summary>
    public string? SensitivityJson { get; init; }

    /// <summary>The tornado chart of each ranked branch, <c>tornado-NAME.svg</c>, or empty when none was written.</summary>
    public IReadOnlyList<string> TornadoCharts { get; init; } = [];

    /// <summary>The operating points table, <c>levers.csv</c>, or null when the scenario has no eval results.</summary>
    public string? LeversCsv { get; init; }

    /// <summary>The operating points as JSON, <c>levers.json</c>, or null when none were written.</summary>
    public string? LeversJson { get; init; }

    /// <summary>The quality-cost chart of each feature, <c>levers-FEATURE.svg</c>, or empty when none was written.</summary>
    public IReadOnlyList<string> QualityCostCharts { get; init; } = [];

    /// <summary>Returns the paths in the order they are written.</summary>
    public IReadOnlyList<string> All =>
    [
        BandsCsv, CostPerTaskCsv, BandsJson, Report,
        .. new[] { SensitivityCsv, SensitivityJson }.OfType<string>(),
        .. TornadoCharts,
        .. new[] { LeversCsv, LeversJson }.OfType<string>(),
        .. QualityCostCharts,
    ];
}
