using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Tokencast.Grains.Runs;

/// <summary>
/// Keeps the service's runs in grain storage and admits new runs up to a limit. The grain is not
/// reentrant, so each admission counts the running runs and adds the new one in a single step.
/// </summary>
internal sealed partial class RunIndexGrain(
    [PersistentState("index", ClusterNames.Storage)] IPersistentState<RunIndexRecord> record,
    ILogger<RunIndexGrain> logger) : Grain, IRunIndexGrain
{
    public async Task<RunAdmission> Admit(RunEntry entry, int maxRunning)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRunning);
        var entries = record.State.Entries;
        var othersRunning = entries.Count(
            other => other.State == RunState.Running && other.RunId != entry.RunId);
        if (othersRunning >= maxRunning)
        {
            LogRejected(logger, entry.RunId, othersRunning, maxRunning);
            return new RunAdmission(false, othersRunning);
        }

        entries.RemoveAll(existing => existing.RunId == entry.RunId);
        entries.Add(entry with { State = RunState.Running, ConvergedAtTrials = null });
        DropOldest(entries);
        await record.WriteStateAsync();
        return new RunAdmission(true, othersRunning + 1);
    }

    public async Task Finished(string runId, RunState state, int? convergedAtTrials)
    {
        ArgumentNullException.ThrowIfNull(runId);
        if (state == RunState.Running)
        {
            throw new ArgumentOutOfRangeException(
                nameof(state),
                state,
                $"The state {state} is invalid for a finished run. Pass Completed, Failed or Cancelled.");
        }

        var entries = record.State.Entries;
        var at = entries.FindIndex(existing => existing.RunId == runId);
        if (at < 0)
        {
            return;
        }

        entries[at] = entries[at] with { State = state, ConvergedAtTrials = convergedAtTrials };
        await record.WriteStateAsync();
    }

    public Task<ImmutableArray<RunEntry>> List(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);

        // Admission order breaks ties between runs started at the same instant: the later admitted first.
        var newestFirst = record.State.Entries
            .Select((entry, order) => (Entry: entry, Order: order))
            .OrderByDescending(item => item.Entry.StartedAt)
            .ThenByDescending(item => item.Order)
            .Take(max)
            .Select(item => item.Entry);
        return Task.FromResult<ImmutableArray<RunEntry>>([.. newestFirst]);
    }

    /// <summary>
    /// Drops entries beyond <see cref="RunIndex.MaxEntries"/>: the oldest finished runs first, then, only
    /// when more runs than that are running, the oldest running ones.
    /// </summary>
    private static void DropOldest(List<RunEntry> entries)
    {
        for (var i = 0; i < entries.Count && entries.Count > RunIndex.MaxEntries;)
        {
            if (entries[i].State != RunState.Running)
            {
                entries.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }

        if (entries.Count > RunIndex.MaxEntries)
        {
            entries.RemoveRange(0, entries.Count - RunIndex.MaxEntries);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} was not admitted: {Running} of at most {MaxRunning} runs are running")]
    private static partial void LogRejected(ILogger logger, string runId, int running, int maxRunning);
}
