using Orleans.Concurrency;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Runs;

/// <summary>
/// Simulates blocks of a run's trials: one call per feature to the lane's feature grains, then the
/// features of every trial summed in each branch's feature order, then each branch's block handed to its
/// aggregator.
/// </summary>
internal sealed class LaneGrain(PlanCache plans) : Grain, ILaneGrain
{
    private readonly HashSet<string> _features = new(StringComparer.Ordinal);

    public async Task SimulateBlock(RunDefinition definition, TrialBlock block)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(block);
        var plan = plans.Get(definition);
        var runId = GrainKeys.Split(this.GetPrimaryKeyString()).RunId;
        var featureIds = plan.Branches.SelectMany(b => b.Features.Select(f => f.Id)).Distinct(StringComparer.Ordinal).ToList();
        _features.UnionWith(featureIds);

        var results = await Task.WhenAll(featureIds.Select(id => GrainFactory
            .GetGrain<IFeatureGrain>(GrainKeys.Feature(this.GetPrimaryKeyString(), id))
            .Simulate(definition, block)));
        var byFeature = featureIds.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);

        var deliveries = new List<Task>(plan.Branches.Count);
        for (var b = 0; b < plan.Branches.Count; b++)
        {
            var branch = plan.Branches[b];
            var samples = new BranchSamples(
                branch.Features.Count, branch.Cohorts.Count, branch.CostLines.Count, plan.Months, block.FirstTrial, block.TrialCount);
            for (var f = 0; f < branch.Features.Count; f++)
            {
                samples.AddFeature(f, byFeature[branch.Features[f].Id].Blocks[b]!);
            }

            deliveries.Add(GrainFactory
                .GetGrain<IBranchGrain>(GrainKeys.Branch(runId, b))
                .AddBlock(definition, block, samples.AsImmutable()));
        }

        await Task.WhenAll(deliveries);
    }

    public async Task Release()
    {
        await Task.WhenAll(_features.Select(id => GrainFactory
            .GetGrain<IFeatureGrain>(GrainKeys.Feature(this.GetPrimaryKeyString(), id))
            .Release()));
        _features.Clear();
        DeactivateOnIdle();
    }
}
