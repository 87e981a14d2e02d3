using System.Collections.Immutable;
using Orleans.Concurrency;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

using Tokencast.Grains.Placement;

namespace Tokencast.Grains.Runs;

/// <summary>
/// Keeps the per-trial sums of one branch of a run in memory as blocks arrive, and takes the bands over
/// them. Nothing is persisted. If its silo is lost, the run finds the missing blocks and simulates them
/// again, which gives the same numbers.
/// </summary>
[SpreadPlacement]
internal sealed class BranchGrain(PlanCache plans, PoolCache pools) : Grain, IBranchGrain
{
    private readonly SortedDictionary<int, TrialBlock> _held = [];
    private BranchSamples? _samples;
    private string _name = "";
    private DateOnly _firstMonth;

    public Task AddBlock(RunDefinition definition, TrialBlock block, Immutable<BranchSamples> samples)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(block);
        if (_held.ContainsKey(block.Index))
        {
            return Task.CompletedTask;
        }

        var values = samples.Value;
        if (_samples is null)
        {
            var plan = plans.Get(definition);
            _name = plan.Branches[BranchIndex].Name;
            _firstMonth = plan.FirstMonth;
            _samples = new BranchSamples(values.Features, values.Cohorts, values.CostLines, values.Months, 0, definition.Trials);
        }

        _samples.CopyFrom(values);
        _held.Add(block.Index, block);
        return Task.CompletedTask;
    }

    public Task<HeldBlocks> GetHeldBlocks() => Task.FromResult(new HeldBlocks([.. _held.Keys]));

    public Task<BranchProgress?> GetProgress()
    {
        if (_samples is null || _held.Count == 0)
        {
            return Task.FromResult<BranchProgress?>(null);
        }

        var trials = _held.Values.Sum(block => block.TrialCount);
        var values = new double[trials];
        var horizon = new double[trials];
        var monthly = ImmutableArray.CreateBuilder<MonthBand>(_samples.Months);
        for (var m = 0; m < _samples.Months; m++)
        {
            var spend = _samples.Spend(BranchSamples.TotalSeries, m);
            var at = 0;
            foreach (var block in _held.Values)
            {
                spend.Slice(block.FirstTrial, block.TrialCount).CopyTo(values.AsSpan(at));
                at += block.TrialCount;
            }

            for (var t = 0; t < trials; t++)
            {
                horizon[t] += values[t];
            }

            monthly.Add(new MonthBand(_firstMonth.AddMonths(m), BandStatistics.Compute(values)));
        }

        return Task.FromResult<BranchProgress?>(new BranchProgress(_name, trials, monthly.MoveToImmutable(), BandStatistics.Compute(horizon)));
    }

    public Task<BranchForecast> Summarise(RunDefinition definition, int trials)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trials, definition.Trials);
        var held = LeadingTrialsHeld();
        if (_samples is null || held < trials)
        {
            throw new InvalidOperationException(
                $"The aggregator has the first {held} of the {trials} trials to summarise. "
                + "The run must send the missing blocks first.");
        }

        var plan = plans.Get(definition);
        var branch = plan.Branches[BranchIndex];
        var options = definition.EngineOptions();
        var samples = trials == _samples.TrialCount ? _samples : FirstTrials(_samples, trials);
        var branchPools = pools.ForBranch(branch, options);
        var forecast = BandSummary.Summarise(plan, branch, branchPools, samples, definition.Seed);
        return Task.FromResult(forecast);
    }

    public Task Release()
    {
        _samples = null;
        _held.Clear();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>Returns how many trials from trial 0 on are held without a gap.</summary>
    private int LeadingTrialsHeld()
    {
        var next = 0;
        foreach (var block in _held.Values)
        {
            if (block.FirstTrial != next)
            {
                break;
            }

            next += block.TrialCount;
        }

        return next;
    }

    /// <summary>
    /// Copies the first <paramref name="trials"/> trials of every series and month into samples of their
    /// own, which the band summary then takes as the whole run.
    /// </summary>
    private static BranchSamples FirstTrials(BranchSamples samples, int trials)
    {
        var first = new BranchSamples(
            samples.Features, samples.Cohorts, samples.CostLines, samples.Months, firstTrial: 0, trials);
        for (var series = 0; series < samples.SeriesCount; series++)
        {
            for (var month = 0; month < samples.Months; month++)
            {
                samples.Spend(series, month)[..trials].CopyTo(first.Spend(series, month));
            }
        }

        for (var feature = 0; feature < samples.Features; feature++)
        {
            for (var month = 0; month < samples.Months; month++)
            {
                samples.Tasks(feature, month)[..trials].CopyTo(first.Tasks(feature, month));
            }
        }

        return first;
    }

    private int BranchIndex => int.Parse(GrainKeys.Split(this.GetPrimaryKeyString()).Lane, System.Globalization.CultureInfo.InvariantCulture);
}
