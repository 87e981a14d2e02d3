namespace Tokencast.Grains;

/// <summary>The current state of a scheduled reforecast.</summary>
/// <param name="Name">The tracked forecast.</param>
/// <param name="ScenarioFile">Full path the scenario had where it was read.</param>
/// <param name="Cron">The cron expression, in UTC.</param>
/// <param name="WindowDays">Days of actuals before the cut-off to recalibrate from.</param>
/// <param name="Branch">Branch reviewed against.</param>
/// <param name="AlertLow">Low alert percentile.</param>
/// <param name="AlertHigh">High alert percentile.</param>
/// <param name="NextRun">The next occurrence, or null when the expression has none.</param>
/// <param name="LastRun">The latest run, or null before the first.</param>
[GenerateSerializer, Immutable, Alias("tokencast.schedule-status.v1")]
public sealed record ScheduleStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] string ScenarioFile,
    [property: Id(2)] string Cron,
    [property: Id(3)] int WindowDays,
    [property: Id(4)] string Branch,
    [property: Id(5)] int AlertLow,
    [property: Id(6)] int AlertHigh,
    [property: Id(7)] DateTimeOffset? NextRun,
    [property: Id(8)] ScheduleRun? LastRun);
