using System.Collections.Immutable;
using Orleans.Placement;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Runs;

/// <summary>
/// Simulates one feature of a run for its lane, turning the cohorts' demand into token use and cost. It is placed on the silo of the lane that calls it, so
/// the per-trial detail it returns never crosses the network.
/// </summary>
[PreferLocalPlacement]
internal sealed class FeatureGrain(PlanCache plans, PoolCache pools) : Grain, IFeatureGrain
{
    private FeatureSimulator? _simulator;
    private FeatureResult? _last;

    public Task<FeatureResult> Simulate(RunDefinition definition, TrialBlock block, CohortDemand demand)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(demand);
        if (_simulator is null)
        {
            var featureId = GrainKeys.Split(this.GetPrimaryKeyString()).Tail;
            var options = definition.EngineOptions();
            _simulator = new FeatureSimulator(plans.Get(definition), featureId, options, pools.Source(options));
        }

        // Only this grain's lane calls it, and only once it is done with the last result, so that result's
        // memory is free to use again (a result sent to another silo was copied on the way).
        var plan = plans.Get(definition);
        var byBranch = plan.Branches
            .Select((branch, b) => (IReadOnlyList<CohortBlock?>)[.. branch.Cohorts.Select(c => demand.Cohorts[c.Id].Blocks[b])])
            .ToList();
        var blocks = _simulator.Simulate(block.FirstTrial, block.TrialCount, byBranch, _last is { } last ? last.Blocks : null);
        _last = new FeatureResult([.. blocks]);
        return Task.FromResult(_last);
    }

    public Task Release()
    {
        _simulator = null;
        _last = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
