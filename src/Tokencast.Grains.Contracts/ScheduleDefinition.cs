namespace Tokencast.Grains;

/// <summary>What a scheduled reforecast runs, and when.</summary>
/// <param name="Scenario">The scenario as written, with the files it reads.</param>
/// <param name="Cron">
/// When to reforecast: a five-field cron expression in UTC (minute hour day-of-month month day-of-week); by
/// default Mondays at 06:00. The cut-off of each run is the day of its occurrence.
/// </param>
/// <param name="WindowDays">Days of actuals before the cut-off to recalibrate from.</param>
/// <param name="Trials">Trials per branch, or null for the scenario's.</param>
/// <param name="Seed">Run seed, or null for the scenario's.</param>
/// <param name="Branch">Branch of the previous version to explain actuals against and raise alerts from.</param>
/// <param name="AlertLow">Percentile a week's spend must fall below to raise an alert.</param>
/// <param name="AlertHigh">Percentile a week's spend must rise above to raise an alert.</param>
[GenerateSerializer, Immutable, Alias("tokencast.schedule-definition.v1")]
public sealed record ScheduleDefinition(
    [property: Id(0)] ScenarioInput Scenario,
    [property: Id(1)] string Cron = ScheduleDefinition.Weekly,
    [property: Id(2)] int WindowDays = 28,
    [property: Id(3)] int? Trials = null,
    [property: Id(4)] ulong? Seed = null,
    [property: Id(5)] string Branch = "baseline",
    [property: Id(6)] int AlertLow = 10,
    [property: Id(7)] int AlertHigh = 90)
{
    /// <summary>The default schedule: Mondays at 06:00 UTC.</summary>
    public const string Weekly = "0 6 * * 1";
}
