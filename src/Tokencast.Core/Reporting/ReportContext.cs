namespace Tokencast.Core.Reporting;

/// <summary>
/// Facts about a run that the forecast result does not contain, shown in the report header.
/// </summary>
/// <param name="ScenarioFile">The scenario file name or path, as the user gave it.</param>
/// <param name="CommandLine">The command that produced the forecast.</param>
/// <param name="GeneratedAt">
/// When the forecast was made. The caller passes it, because a clock read inside would make output differ.
/// </param>
/// <param name="Notes">Remarks to show under the header, such as convergence warnings. May be empty.</param>
public sealed record ReportContext(
    string ScenarioFile,
    string CommandLine,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<string> Notes)
{
    /// <summary>Creates a context without notes.</summary>
    public ReportContext(string scenarioFile, string commandLine, DateTimeOffset generatedAt)
        : this(scenarioFile, commandLine, generatedAt, [])
    {
    }
}
