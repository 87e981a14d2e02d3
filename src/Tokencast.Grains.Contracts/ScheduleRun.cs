namespace Tokencast.Grains;

/// <summary>One run of a scheduled reforecast.</summary>
/// <param name="CutOff">Actuals before this day were used.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Version">The version stored or found, or null when the run failed.</param>
/// <param name="Added">Whether <paramref name="Version"/> is new.</param>
/// <param name="Alerts">Weeks of the closed period outside the band; their messages.</param>
/// <param name="Error">Why the run failed, or null.</param>
[GenerateSerializer, Immutable, Alias("tokencast.schedule-run.v1")]
public sealed record ScheduleRun(
    [property: Id(0)] DateOnly CutOff,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] int? Version,
    [property: Id(3)] bool Added,
    [property: Id(4)] System.Collections.Immutable.ImmutableArray<string> Alerts,
    [property: Id(5)] string? Error);
