using System.Collections.Immutable;
using Orleans.Concurrency;
using Tokencast.Core.Simulation;

using Tokencast.Grains.Placement;

namespace Tokencast.Grains.Runs;

/// <summary>
/// Simulates blocks of a run's trials. For each block it calls the lane's cohort grains for the demand
/// and its feature grains for the cost. It then sums the features of every trial in each branch's
/// feature order and hands each branch's block to its aggregator.
/// </summary>
[SpreadPlacement]
internal sealed class LaneGrain(PlanCache plans) : Grain, ILaneGrain
{
    private readonly HashSet<string> _features = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cohorts = new(StringComparer.Ordinal);
    private BranchSamples[] _buffers = [];
    private BlockSums[] _sums = [];

    public async Task SimulateBlock(RunDefinition definition, TrialBlock block)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(block);
        var plan = plans.Get(definition);
        var runId = GrainKeys.Split(this.GetPrimaryKeyString()).RunId;
        var featureIds = plan.Branches.SelectMany(b => b.Features.Select(f => f.Id)).Distinct(StringComparer.Ordinal).ToList();
        var cohortIds = plan.Branches.SelectMany(b => b.Cohorts.Select(c => c.Id)).Distinct(StringComparer.Ordinal).ToList();
        _features.UnionWith(featureIds);
        _cohorts.UnionWith(cohortIds);

        var drawn = await Task.WhenAll(cohortIds.Select(id => GrainFactory
            .GetGrain<ICohortGrain>(GrainKeys.InLane(this.GetPrimaryKeyString(), id))
            .Simulate(definition, block)));
        var demand = new CohortDemand(cohortIds.Zip(drawn).ToImmutableDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal));
        var results = await Task.WhenAll(featureIds.Select(id => GrainFactory
            .GetGrain<IFeatureGrain>(GrainKeys.InLane(this.GetPrimaryKeyString(), id))
            .Simulate(definition, block, demand)));
        var byFeature = featureIds.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);

        // An aggregator copies a block in before its call returns, so the buffers of the last block are free.
        if (_buffers.Length != plan.Branches.Count || _sums[0].TrialCount != block.TrialCount)
        {
            _buffers = [.. plan.Branches.Select(branch => new BranchSamples(
                branch.Features.Count, branch.Cohorts.Count, branch.CostLines.Count, plan.Months, block.FirstTrial, block.TrialCount))];
            _sums = [.. plan.Branches.Select(branch => new BlockSums(
                branch.Features.Count, branch.Cohorts.Count, branch.CostLines.Count, plan.Months, block.FirstTrial, block.TrialCount))];
        }

        var deliveries = new List<Task>(plan.Branches.Count);
        for (var b = 0; b < plan.Branches.Count; b++)
        {
            var branch = plan.Branches[b];
            var sums = _sums[b];
            sums.Restart(block.FirstTrial);
            for (var f = 0; f < branch.Features.Count; f++)
            {
                sums.AddFeature(f, byFeature[branch.Features[f].Id].Blocks[b]!);
            }

            var samples = _buffers[b] = BranchSamples.Reuse(_buffers[b], block.FirstTrial, block.TrialCount);
            sums.CopyTo(samples);

            deliveries.Add(GrainFactory
                .GetGrain<IBranchGrain>(GrainKeys.Branch(runId, b))
                .AddBlock(definition, block, samples.AsImmutable()));
        }

        await Task.WhenAll(deliveries);
    }

    public async Task Release()
    {
        await Task.WhenAll(_features
            .Select(id => GrainFactory.GetGrain<IFeatureGrain>(GrainKeys.InLane(this.GetPrimaryKeyString(), id)).Release())
            .Concat(_cohorts.Select(id => GrainFactory.GetGrain<ICohortGrain>(GrainKeys.InLane(this.GetPrimaryKeyString(), id)).Release())));
        _features.Clear();
        _cohorts.Clear();
        _buffers = [];
        _sums = [];
        DeactivateOnIdle();
    }
}
