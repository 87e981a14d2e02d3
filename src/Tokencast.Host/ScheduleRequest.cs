namespace Tokencast.Host;

/// <summary>
/// A request to set a tracked forecast's scheduled reforecast: a scenario sent as text or one of the host's
/// examples, as a run request names it, and when and how to reforecast.
/// </summary>
/// <param name="Scenario">The scenario to reforecast; null when <paramref name="Example"/> is set.</param>
/// <param name="Example">Name of one of the host's examples; null when <paramref name="Scenario"/> is set.</param>
/// <param name="Cron">Five-field cron expression in UTC, or null for Mondays at 06:00.</param>
/// <param name="WindowDays">Days of actuals before each cut-off to recalibrate from, or null for 28.</param>
/// <param name="Trials">Trials per branch, or null for the scenario's.</param>
/// <param name="Seed">Run seed, or null for the scenario's.</param>
/// <param name="Branch">Branch to explain actuals against and raise alerts from, or null for <c>baseline</c>.</param>
/// <param name="AlertLow">Percentile a week's spend must fall below to raise an alert, or null for 10.</param>
/// <param name="AlertHigh">Percentile a week's spend must rise above to raise an alert, or null for 90.</param>
public sealed record ScheduleRequest(
    SubmittedScenario? Scenario = null,
    string? Example = null,
    string? Cron = null,
    int? WindowDays = null,
    int? Trials = null,
    ulong? Seed = null,
    string? Branch = null,
    int? AlertLow = null,
    int? AlertHigh = null);
