namespace Tokencast.Cli.Commands;

/// <summary>Branch and band percentiles the reforecast compares actual spend against.</summary>
/// <param name="Branch">Branch of the previous version to compare with.</param>
/// <param name="Low">A week below this percentile raises an alert.</param>
/// <param name="High">A week above this percentile raises an alert.</param>
/// <param name="SampleTasks">Tasks simulated per task model for the forecast's tokens per task.</param>
internal sealed record AlertSettings(string Branch, int Low, int High, int SampleTasks);
