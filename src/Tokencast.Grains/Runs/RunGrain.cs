using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using Tokencast.Core;
using Tokencast.Core.Forecasting;

namespace Tokencast.Grains.Runs;

/// <summary>
/// Orchestrates a run. It splits the trials into blocks and keeps a few lanes per silo busy with them.
/// It then checks that every branch aggregator has every block, and simulates again any block lost with
/// a silo. Last, it collects the branch forecasts and stores them with the run's definition, and marks
/// the run finished in the <see cref="IRunIndexGrain">run index</see>.
/// </summary>
/// <remarks>
/// The grain is reentrant so that status calls are answered while the run's loop awaits its lanes; all
/// of its state is still touched by one thread at a time. A reminder restarts the loop if the grain's
/// silo was lost while the run was going on.
/// <para>
/// With a tolerance, every refresh of the partial bands checks <see cref="Convergence.IsConverged"/>, and
/// the first time the bands meet the tolerance the trials done are stored. A run that stops when
/// converged hands out no more blocks, lets the blocks in flight finish, and completes with the longest
/// run of blocks from block 0 that every branch has.
/// </para>
/// </remarks>
[Reentrant]
internal sealed partial class RunGrain(
    [PersistentState("run", ClusterNames.Storage)] IPersistentState<RunRecord> record,
    PlanCache plans,
    IClusterMembershipService membership,
    IOptions<RunOptions> options,
    ILogger<RunGrain> logger) : Grain, IRunGrain, IRemindable
{
    private const string ResumeReminder = "resume";
    private static readonly TimeSpan CancelWait = TimeSpan.FromSeconds(5);
    private readonly RunOptions _options = options.Value;
    private Task? _loop;
    private bool _cancelRequested;
    private bool _stopping;
    private string _runId = "";
    private long _version;
    private int _blocks;
    private int _lanesUsed;
    private int _blocksDone;
    private int _trialsDone;
    private ImmutableArray<BranchProgress> _progress = [];
    private TaskCompletionSource _changed = NewSignal();

    public async Task<RunStatus> Start(RunDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var id = _runId;
        if (definition.ForecastId() != id)
        {
            throw new ArgumentException($"The definition is of forecast {definition.ForecastId()}, not {id}.", nameof(definition));
        }

        if (definition.BlockSize is < 1 or > RunDefinition.MaxBlockSize || definition.Trials < 1)
        {
            throw new ArgumentException(
                $"Trials must be 1 or more and the block size between 1 and {RunDefinition.MaxBlockSize}.", nameof(definition));
        }

        if (definition.Tolerance is not (0 or (> 0 and < 1)))
        {
            throw new ArgumentException(
                $"The tolerance {definition.Tolerance} is invalid. Use 0 for no convergence check, or a "
                + "relative standard error above 0 and below 1, such as 0.01.", nameof(definition));
        }

        var state = record.State;
        var restart = state.Definition is null || state.State == RunState.Cancelled
            || (state.State == RunState.Failed && state.Problems.IsDefaultOrEmpty);
        if (restart)
        {
            record.State = new RunRecord { Definition = definition, State = RunState.Running, StartedAt = DateTimeOffset.UtcNow };
            await record.WriteStateAsync();
        }
        else if (state.State != RunState.Running)
        {
            // The caller may have admitted this finished run to the index again, which marked it running.
            await UpdateIndex(state.State, state.ConvergedAtTrials);
        }

        EnsureLoop();
        return Status();
    }

    public Task<RunStatus> GetStatus() => Task.FromResult(Status());

    public async Task<RunStatus> WaitForChange(long afterVersion, TimeSpan wait)
    {
        if (_version <= afterVersion && !Status().IsFinished)
        {
            await Task.WhenAny(_changed.Task, Task.Delay(wait));
        }

        return Status();
    }

    public Task<ForecastResult?> GetResult() => Task.FromResult(record.State.Result);

    public Task<RunDefinition?> GetDefinition() => Task.FromResult(record.State.Definition);

    public async Task<RunStatus> Cancel()
    {
        if (record.State.State == RunState.Running && record.State.Definition is not null)
        {
            _cancelRequested = true;
            if (_loop is not null)
            {
                // The loop stops once the blocks in flight are done. For a large scenario that can outlast the
                // caller's timeout, so the caller gets the run still running and the cancel takes effect later.
                await Task.WhenAny(_loop, Task.Delay(CancelWait));
            }
            else
            {
                await Finish(RunState.Cancelled, null, [], null);
            }
        }

        return Status();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ResumeReminder)
        {
            EnsureLoop();
        }

        return Task.CompletedTask;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _runId = this.GetPrimaryKeyString();
        _version = record.State.State == RunState.Running ? 0 : 1;
        return Task.CompletedTask;
    }

    private void EnsureLoop()
    {
        if (_loop is null && record.State is { State: RunState.Running, Definition: { } definition })
        {
            _cancelRequested = false;
            _loop = RunLoop(definition);
        }
    }

    private async Task RunLoop(RunDefinition definition)
    {
        try
        {
            await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), CancellationToken.None);
            var plan = plans.Get(definition);
            record.State.Scenario = plan.Name;
            ForecastEngine.CheckSampleSize(plan, definition.Trials);
            var branches = plan.Branches.Count;
            var blocks = Blocks(definition);
            _blocks = blocks.Count;
            _stopping = definition.StopWhenConverged && record.State.ConvergedAtTrials is not null;
            Changed();

            var trialsKept = definition.Trials;

            for (var round = 0; ; round++)
            {
                var held = await HeldByEveryBranch(branches);
                var missing = blocks.Where(block => !held.Contains(block.Index)).ToList();
                _blocksDone = blocks.Count - missing.Count;
                _trialsDone = blocks.Where(block => held.Contains(block.Index)).Sum(block => block.TrialCount);
                Changed();
                if (missing.Count == 0)
                {
                    break;
                }

                if (_stopping)
                {
                    trialsKept = LeadingTrials(blocks, held);
                    if (trialsKept > 0)
                    {
                        break;
                    }

                    // Block 0 was lost with a silo, so no trials can be kept yet. The run goes on and stops
                    // at the next refresh of bands that still meet the tolerance.
                    _stopping = false;
                }

                if (round >= _options.MaxAttemptsPerBlock)
                {
                    throw new InvalidOperationException(
                        $"{missing.Count} blocks were still missing after {round} rounds; the aggregators keep losing them.");
                }

                if (round > 0)
                {
                    // Blocks went missing: give the cluster time to notice a lost silo before sending them again.
                    await Task.Delay(Backoff(round));
                }

                await SimulateBlocks(definition, missing, branches);
            }

            var forecasts = await Task.WhenAll(Enumerable.Range(0, branches)
                .Select(b => GrainFactory.GetGrain<IBranchGrain>(GrainKeys.Branch(_runId, b))
                    .Summarise(definition, trialsKept)));
            var result = new ForecastResult(
                plan.Name, plan.FirstMonth, plan.Months, trialsKept, definition.Seed, forecasts);
            await Finish(RunState.Completed, result, [], null);
            var seconds = (DateTimeOffset.UtcNow - record.State.StartedAt).TotalSeconds;
            LogCompleted(logger, _runId, trialsKept, branches, seconds);
        }
        catch (ActivationLostException)
        {
            // This activation's directory entry was lost with a silo, and another activation owns the run's
            // state now. This loop therefore stops without writing anything.
            LogAbandoned(logger, _runId);
            _loop = null;
            return;
        }
        catch (OperationCanceledException) when (_cancelRequested)
        {
            await Finish(RunState.Cancelled, null, [], null);
        }
        catch (InvalidInputException exception)
        {
            LogInvalidInput(logger, _runId, string.Join("; ", exception.Problems));
            await Finish(RunState.Failed, null, [.. exception.Problems], null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogFailed(logger, exception, _runId);
            await Finish(RunState.Failed, null, [], exception.Message);
        }
        finally
        {
            if (_loop is not null)
            {
                _loop = null;
                await Cleanup(definition);
            }
        }
    }

    /// <summary>
    /// Keeps the activation from being collected while its loop runs, and stops the loop when Orleans has
    /// invalidated the activation.
    /// </summary>
    private void KeepActive()
    {
        try
        {
            DelayDeactivation(TimeSpan.FromMinutes(10));
        }
        catch (InvalidOperationException exception)
        {
            throw new ActivationLostException(exception);
        }
    }

    /// <summary>The run grain's activation is no longer valid, so its loop must stop.</summary>
    private sealed class ActivationLostException(Exception inner) : Exception("The run's activation is no longer valid.", inner);

    /// <summary>
    /// Hands the blocks to the lanes, a few per silo, each lane taking the next block when it is done. A
    /// block whose lane fails (its silo was lost, a call timed out) goes back in the queue. Once a run that
    /// stops when converged has converged, lanes take no further blocks.
    /// </summary>
    private async Task SimulateBlocks(RunDefinition definition, List<TrialBlock> blocks, int branches)
    {
        var queue = new Queue<TrialBlock>(blocks);
        var attempts = new Dictionary<int, int>();
        var silos = Math.Max(1, membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active));
        var lanes = Math.Clamp(silos * _options.LanesPerSilo, 1, blocks.Count);
        _lanesUsed = Math.Max(_lanesUsed, lanes);
        var lastProgress = Stopwatch.StartNew();
        Task? progress = null;

        async Task Lane(int lane)
        {
            var grain = GrainFactory.GetGrain<ILaneGrain>(GrainKeys.Lane(_runId, lane));
            while (!_stopping && queue.TryDequeue(out var block))
            {
                if (_cancelRequested)
                {
                    throw new OperationCanceledException("The run was cancelled.");
                }

                try
                {
                    await grain.SimulateBlock(definition, block);
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not InvalidInputException)
                {
                    var tries = attempts[block.Index] = attempts.GetValueOrDefault(block.Index) + 1;
                    LogBlockFailed(logger, exception, _runId, block.Index, tries);
                    if (tries >= _options.MaxAttemptsPerBlock)
                    {
                        throw;
                    }

                    // A lost silo fails calls at once until the cluster declares it dead, so wait before retrying.
                    await Task.Delay(Backoff(tries));
                    queue.Enqueue(block);
                    continue;
                }

                _blocksDone++;
                _trialsDone += block.TrialCount;
                KeepActive();
                if (progress is null or { IsCompleted: true } && lastProgress.Elapsed >= _options.ProgressInterval)
                {
                    lastProgress.Restart();
                    progress = RefreshProgress(definition, branches);
                }

                Changed();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, lanes).Select(Lane));
        if (progress is not null)
        {
            await progress;
        }

        await RefreshProgress(definition, branches);
    }

    private async Task<HashSet<int>> HeldByEveryBranch(int branches)
    {
        HashSet<int>? common = null;
        for (var b = 0; b < branches; b++)
        {
            HeldBlocks? held = null;
            for (var attempt = 1; held is null; attempt++)
            {
                try
                {
                    held = await GrainFactory.GetGrain<IBranchGrain>(GrainKeys.Branch(_runId, b)).GetHeldBlocks();
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    LogBlockFailed(logger, exception, _runId, -1, attempt);
                    if (attempt >= 3)
                    {
                        // The blocks of an aggregator that cannot be reached are counted as lost.
                        return [];
                    }

                    await Task.Delay(Backoff(attempt));
                }
            }

            if (common is null)
            {
                common = [.. held.Blocks];
            }
            else
            {
                common.IntersectWith(held.Blocks);
            }
        }

        return common ?? [];
    }

    private async Task RefreshProgress(RunDefinition definition, int branches)
    {
        try
        {
            var progress = await Task.WhenAll(Enumerable.Range(0, branches)
                .Select(b => GrainFactory.GetGrain<IBranchGrain>(GrainKeys.Branch(_runId, b)).GetProgress()));
            if (progress.All(p => p is not null))
            {
                _progress = [.. progress.Select(p => p!)];
                Changed();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Partial bands are only a view; a lost aggregator shows up when the run checks its blocks.
            LogBlockFailed(logger, exception, _runId, -1, 0);
        }

        await CheckConvergence(definition);
    }

    /// <summary>
    /// Checks the partial bands against the run's tolerance. The first time they meet it, stores the trials
    /// done in every branch. Each time they meet it, a run that stops when converged stops handing out blocks.
    /// </summary>
    private async Task CheckConvergence(RunDefinition definition)
    {
        if (definition.Tolerance <= 0 || !Convergence.IsConverged(_progress, definition.Tolerance))
        {
            return;
        }

        _stopping = definition.StopWhenConverged;
        if (record.State.ConvergedAtTrials is not null)
        {
            return;
        }

        var trials = _progress.Min(branch => branch.Trials);
        record.State.ConvergedAtTrials = trials;
        await record.WriteStateAsync();
        LogConverged(logger, _runId, trials, definition.Tolerance);
        Changed();
    }

    /// <summary>Returns the trials of the blocks from block 0 up to the first block not held.</summary>
    private static int LeadingTrials(List<TrialBlock> blocks, HashSet<int> held) =>
        blocks.TakeWhile(block => held.Contains(block.Index)).Sum(block => block.TrialCount);

    /// <summary>Waits 1, 2, 4 and then 8 s after each further failure.</summary>
    private static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(8, 1 << Math.Min(failures - 1, 3)));

    private static List<TrialBlock> Blocks(RunDefinition definition)
    {
        var blocks = new List<TrialBlock>();
        for (var first = 0; first < definition.Trials; first += definition.BlockSize)
        {
            blocks.Add(new TrialBlock(blocks.Count, first, Math.Min(definition.BlockSize, definition.Trials - first)));
        }

        return blocks;
    }

    private async Task Finish(RunState state, ForecastResult? result, ImmutableArray<InputProblem> problems, string? error)
    {
        var current = record.State;
        record.State = new RunRecord
        {
            Definition = current.Definition,
            State = state,
            Result = result,
            Problems = problems,
            Error = error,
            StartedAt = current.StartedAt,
            FinishedAt = DateTimeOffset.UtcNow,
            ConvergedAtTrials = current.ConvergedAtTrials,
            Scenario = current.Scenario,
        };
        await record.WriteStateAsync();

        // The index is updated before watchers learn of the change, so that a watcher who sees the run
        // finished and then lists the runs finds it finished there too.
        await UpdateIndex(state, current.ConvergedAtTrials);
        Changed();
    }

    /// <summary>Tells the run index that the run has finished; a failure is logged, not raised.</summary>
    private async Task UpdateIndex(RunState state, int? convergedAtTrials)
    {
        try
        {
            var index = GrainFactory.GetGrain<IRunIndexGrain>(RunIndex.Key);
            await index.Finished(_runId, state, convergedAtTrials);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogIndexFailed(logger, exception, _runId, state);
        }
    }

    /// <summary>Lets the run's lanes and aggregators go and drops the resume reminder.</summary>
    private async Task Cleanup(RunDefinition definition)
    {
        if (record.State.State == RunState.Running)
        {
            return;
        }

        try
        {
            var runId = _runId;
            var branches = record.State.Result?.Branches.Count ?? plans.Get(definition).Branches.Count;
            var lanes = Enumerable.Range(0, _lanesUsed);
            await Task.WhenAll(
                lanes.Select(lane => GrainFactory.GetGrain<ILaneGrain>(GrainKeys.Lane(runId, lane)).Release())
                    .Concat(Enumerable.Range(0, branches).Select(b => GrainFactory.GetGrain<IBranchGrain>(GrainKeys.Branch(runId, b)).Release())));
            if (await this.GetReminder(ResumeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogBlockFailed(logger, exception, _runId, -1, 0);
        }
    }

    private RunStatus Status()
    {
        var state = record.State;
        var definition = state.Definition;
        var blocks = _blocks > 0 || definition is null
            ? _blocks
            : BlocksOf(definition.Trials, definition.BlockSize);
        var completed = state.State == RunState.Completed;

        // A completed run that stopped when converged kept fewer trials, and the blocks that hold them.
        var trialsKept = state.Result?.Trials ?? definition?.Trials ?? 0;
        return new RunStatus(
            _runId,
            definition is null ? RunState.Failed : state.State,
            _version,
            definition?.Trials ?? 0,
            completed ? trialsKept : _trialsDone,
            blocks,
            completed ? BlocksOf(trialsKept, definition!.BlockSize) : _blocksDone,
            _progress,
            state.Problems.IsDefault ? [] : state.Problems,
            definition is null ? "no run has this id" : state.Error,
            definition?.Tolerance ?? 0,
            state.ConvergedAtTrials,
            state.Scenario);
    }

    private static int BlocksOf(int trials, int blockSize) => (trials + blockSize - 1) / blockSize;

    private void Changed()
    {
        _version++;
        var signal = _changed;
        _changed = NewSignal();
        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Trials} trials x {Branches} branches in {Seconds:F1} s")]
    private static partial void LogCompleted(ILogger logger, string runId, int trials, int branches, double seconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId}: converged to a relative error of {Tolerance} after {Trials} trials")]
    private static partial void LogConverged(ILogger logger, string runId, int trials, double tolerance);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Run {RunId}: updating the run index to {State} failed, so its entry there is out of date")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, string runId, RunState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: this activation is no longer valid; its loop stops and the run goes on elsewhere")]
    private static partial void LogAbandoned(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} failed on its input: {Problems}")]
    private static partial void LogInvalidInput(ILogger logger, string runId, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: block {Block} failed (attempt {Attempt}); it will be simulated again")]
    private static partial void LogBlockFailed(ILogger logger, Exception exception, string runId, int block, int attempt);
}
