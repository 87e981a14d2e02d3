using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tokencast.Core;
using Tokencast.Core.Actuals;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Variance;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.Reforecasting;

/// <summary>
/// Reforecasts one tracked forecast at each occurrence of its cron expression. An Orleans reminder ticks at
/// most an hour apart (<see cref="CronSchedule.ReminderPeriod"/>); a tick runs the latest occurrence not yet
/// run, so occurrences missed while the cluster was down collapse into one run. The grain is not reentrant:
/// a status call made during a run waits for the run to end.
/// </summary>
/// <remarks>
/// The grain reads actuals and writes versions in the folders of <see cref="ReforecastFolders"/>. It may
/// activate on any silo, so it expects every silo to reach the same folders.
/// </remarks>
internal sealed partial class ForecastScheduleGrain(
    [PersistentState("schedule", ClusterNames.Storage)] IPersistentState<ScheduleRecord> record,
    IOptions<ReforecastFolders> folders,
    TimeProvider time,
    ILogger<ForecastScheduleGrain> logger,
    ILogger<ForecastRunner> runnerLogger) : Grain, IForecastScheduleGrain, IRemindable
{
    private const string ReminderName = "reforecast";

    private string Name => this.GetPrimaryKeyString();

    public async Task<ScheduleStatus> Define(ScheduleDefinition definition)
    {
        var now = time.GetUtcNow();
        var schedule = ScheduleRules.Check(Name, definition, now);
        record.State.Definition = definition;
        record.State.RunThrough = now;
        await record.WriteStateAsync();
        var dueTime = schedule.DueTime(now);
        var period = schedule.ReminderPeriod(now);
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, period);
        LogDefined(logger, Name, schedule.Text, dueTime, period);
        return Status(definition, now);
    }

    public Task<ScheduleStatus?> Status() =>
        Task.FromResult(record.State.Definition is { } definition ? Status(definition, time.GetUtcNow()) : null);

    public async Task<bool> Remove()
    {
        await UnregisterReminder();
        if (record.State.Definition is null)
        {
            return false;
        }

        await record.ClearStateAsync();
        LogRemoved(logger, Name);
        return true;
    }

    public async Task<ScheduleRun> RunNow(DateOnly? cutOff)
    {
        var definition = record.State.Definition ?? throw new InvalidInputException(new InputProblem(
            null, null, "name", Name, "has no schedule; define one with tokencast schedule set first"));
        var day = cutOff ?? DefaultCutOff(definition, time.GetUtcNow());
        var (run, invalid) = await Reforecast(definition, day);
        await record.WriteStateAsync();
        if (invalid is not null)
        {
            throw invalid;
        }

        return run;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        // A failure here would only be logged by the reminder service, so it is logged and recorded here.
        // NOTE: the tick is an ordinary grain call with Orleans' default response timeout of 30 s, so a
        // longer run may make the reminder service log a timeout while the run goes on to the end.
        try
        {
            await Tick();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogTickFailed(logger, exception, Name);
        }
    }

    private async Task Tick()
    {
        if (record.State.Definition is not { } definition)
        {
            // The schedule was removed but its reminder outlived it, for example after a failed unregister.
            await UnregisterReminder();
            return;
        }

        var now = time.GetUtcNow();
        var schedule = CronSchedule.Parse(definition.Cron);
        if (schedule.Due(now, record.State.RunThrough) is { } occurrence)
        {
            var (run, _) = await Reforecast(definition, DateOnly.FromDateTime(occurrence.UtcDateTime));
            LogOccurrenceRun(logger, Name, occurrence, run.Version, run.Error);

            // Written after the run, so an occurrence whose silo was lost mid-run is run again at the next tick.
            record.State.RunThrough = occurrence;
            await record.WriteStateAsync();
        }

        if (schedule.NextAfter(now) is null)
        {
            LogScheduleEnded(logger, Name, schedule.Text);
            await UnregisterReminder();
        }
    }

    /// <summary>
    /// Runs the reforecast for <paramref name="cutOff"/> and sets it as the last run. Returns the run, and the
    /// exception when the request was invalid, so that <see cref="RunNow"/> can throw it after storing.
    /// </summary>
    private async Task<(ScheduleRun Run, InvalidInputException? Invalid)> Reforecast(
        ScheduleDefinition definition, DateOnly cutOff)
    {
        var startedAt = time.GetUtcNow();
        var options = folders.Value;

        // NOTE: on a cluster these folders must be one shared file system, since any silo may run the grain.
        var reforecaster = new Reforecaster(
            new FolderForecastHistory(options.HistoryFolder, time), new ActualsStore(options.ActualsFolder));
        LogRunStarted(logger, Name, cutOff, reforecaster.History.Folder, reforecaster.Store.Directory);
        ScheduleRun run;
        InvalidInputException? invalid = null;
        ReforecastOutcome? added = null;
        try
        {
            var plan = reforecaster.Prepare(Request(definition, cutOff));
            var runner = new ForecastRunner(GrainFactory, runnerLogger);
            var outcome = await reforecaster.CompleteAsync(
                plan,
                (runDefinition, cancellationToken) => runner.RunAsync(runDefinition, null, cancellationToken));
            run = new ScheduleRun(cutOff, startedAt, outcome.Version.Number, outcome.Added,
                [.. outcome.Alerts.Select(alert => alert.Message)], null);
            LogRunCompleted(logger, Name, cutOff, outcome.Version.Number, outcome.Added, outcome.Alerts.Count);
            added = outcome.Added ? outcome : null;
        }
        catch (InvalidInputException exception)
        {
            var problems = string.Join("; ", exception.Problems);
            LogRunInvalid(logger, Name, cutOff, problems);
            run = new ScheduleRun(cutOff, startedAt, null, false, [], problems);
            invalid = exception;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogRunFailed(logger, exception, Name, cutOff);
            run = new ScheduleRun(cutOff, startedAt, null, false, [], exception.Message);
        }

        // The last run is set before subscribers receive the version. A status call they make in response
        // interleaves with the run, so it already returns this run.
        record.State.LastRun = run;
        if (added is not null)
        {
            await Publish(added);
        }

        return (run, invalid);
    }

    private async Task Publish(ReforecastOutcome outcome)
    {
        var version = outcome.Version;
        try
        {
            await GrainFactory.GetGrain<IForecastEventsGrain>(0)
                .Publish(outcome.ToVersionAdded());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The version is stored either way; only its subscribers miss the event.
            LogPublishFailed(logger, exception, Name, version.Number);
        }
    }

    private async Task UnregisterReminder()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private ScheduleStatus Status(ScheduleDefinition definition, DateTimeOffset now) => new(
        Name,
        definition.Scenario.MainFile,
        definition.Cron,
        definition.WindowDays,
        definition.Branch,
        definition.AlertLow,
        definition.AlertHigh,
        CronSchedule.Parse(definition.Cron).NextAfter(now),
        record.State.LastRun);

    /// <summary>
    /// Returns the day of the latest occurrence at or before now, or today when there was none.
    /// </summary>
    private static DateOnly DefaultCutOff(ScheduleDefinition definition, DateTimeOffset now) =>
        DateOnly.FromDateTime((CronSchedule.Parse(definition.Cron).LatestAtOrBefore(now) ?? now).UtcDateTime);

    private ReforecastRequest Request(ScheduleDefinition definition, DateOnly cutOff)
    {
        var input = definition.Scenario;
        return new ReforecastRequest(Name, new ScenarioBundle(input.MainFile, input.Files, input.CatalogFile), cutOff)
        {
            WindowDays = definition.WindowDays,
            Trials = definition.Trials,
            Seed = definition.Seed,
            Review = new ReviewSettings(definition.Branch, definition.AlertLow, definition.AlertHigh),
        };
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Schedule {Name}: defined with cron {Cron}; first tick in {DueTime}, then every {Period}")]
    private static partial void LogDefined(
        ILogger logger, string name, string cron, TimeSpan dueTime, TimeSpan period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Name}: removed with its reminder")]
    private static partial void LogRemoved(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Schedule {Name}: reforecast with cut-off {CutOff} started "
            + "(history {History}, actuals {Actuals})")]
    private static partial void LogRunStarted(
        ILogger logger, string name, DateOnly cutOff, string history, string actuals);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Schedule {Name}: reforecast with cut-off {CutOff} gave version {Version} (new: {Added}) "
            + "and {Alerts} alerts")]
    private static partial void LogRunCompleted(
        ILogger logger, string name, DateOnly cutOff, int version, bool added, int alerts);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Schedule {Name}: reforecast with cut-off {CutOff} is invalid: {Problems}")]
    private static partial void LogRunInvalid(ILogger logger, string name, DateOnly cutOff, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {Name}: reforecast with cut-off {CutOff} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string name, DateOnly cutOff);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Schedule {Name}: ran the occurrence of {Occurrence}; version {Version}, error {Error}")]
    private static partial void LogOccurrenceRun(
        ILogger logger, string name, DateTimeOffset occurrence, int? version, string? error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Schedule {Name}: publishing version {Version} to the forecast events failed; "
            + "the version is stored")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string name, int version);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Schedule {Name}: cron {Cron} has no further occurrence; its reminder is removed")]
    private static partial void LogScheduleEnded(ILogger logger, string name, string cron);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {Name}: a reminder tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string name);
}
