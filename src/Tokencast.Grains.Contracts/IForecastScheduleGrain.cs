using Orleans.Concurrency;

namespace Tokencast.Grains;

/// <summary>
/// The scheduled reforecast of one tracked forecast, keyed by the forecast's name. An Orleans reminder
/// (in PostgreSQL on a cluster) wakes the grain; at each occurrence of the schedule's cron expression it
/// reforecasts with the actuals before that day, as <c>tokencast reforecast</c> does, and publishes the
/// version and its alerts through <see cref="IForecastEventsGrain"/>.
/// </summary>
[Alias("tokencast.IForecastScheduleGrain")]
public interface IForecastScheduleGrain : IGrainWithStringKey
{
    /// <summary>
    /// Time allowed for <see cref="RunNow"/>, as Orleans' <c>ResponseTimeout</c> reads it. A reforecast runs a
    /// whole forecast, which takes minutes on a large scenario, far past Orleans' default of 30 s.
    /// </summary>
    const string RunTimeout = "01:00:00";

    /// <summary>Sets or replaces the schedule and registers its reminder; returns its status.</summary>
    /// <exception cref="Core.InvalidInputException">The definition is invalid; carries every problem found.</exception>
    [Alias("Define")]
    Task<ScheduleStatus> Define(ScheduleDefinition definition);

    /// <summary>
    /// Returns the schedule's status, or null when the forecast has no schedule. It only reads, so it runs
    /// while a reforecast is in progress instead of waiting for it.
    /// </summary>
    [Alias("Status")]
    [AlwaysInterleave]
    Task<ScheduleStatus?> Status();

    /// <summary>Removes the schedule and its reminder; returns whether there was one.</summary>
    [Alias("Remove")]
    Task<bool> Remove();

    /// <summary>
    /// Reforecasts now with the actuals before <paramref name="cutOff"/>, or before the day of the schedule's
    /// latest occurrence when null. The same cut-off and inputs twice store one version.
    /// </summary>
    /// <exception cref="Core.InvalidInputException">The forecast has no schedule, or the request is invalid.</exception>
    [Alias("RunNow")]
    [ResponseTimeout(RunTimeout)]
    Task<ScheduleRun> RunNow(DateOnly? cutOff);
}
