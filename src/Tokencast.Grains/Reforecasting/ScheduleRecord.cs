namespace Tokencast.Grains.Reforecasting;

/// <summary>
/// The persisted state of a schedule grain: the definition, how far its occurrences have been run, and the
/// last run. Stored in the "tokencast" grain storage, in PostgreSQL in cluster mode.
/// </summary>
[GenerateSerializer, Alias("tokencast.schedule-record.v1")]
public sealed class ScheduleRecord
{
    /// <summary>The schedule, or null when the forecast has none.</summary>
    [Id(0)] public ScheduleDefinition? Definition { get; set; }

    /// <summary>
    /// The latest occurrence run, or the time the schedule was defined before its first run. Only
    /// occurrences after it are due.
    /// </summary>
    [Id(1)] public DateTimeOffset RunThrough { get; set; }

    /// <summary>The latest run, scheduled or on demand, or null before the first.</summary>
    [Id(2)] public ScheduleRun? LastRun { get; set; }
}
