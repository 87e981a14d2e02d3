using System.Collections.Immutable;
using Orleans.Placement;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Runs;

/// <summary>
/// Simulates one feature of a run for its lane. It is placed on the silo of the lane that calls it, so
/// the per-trial detail it returns never crosses the network.
/// </summary>
[PreferLocalPlacement]
internal sealed class FeatureGrain(PlanCache plans, PoolCache pools) : Grain, IFeatureGrain
{
    private FeatureSimulator? _simulator;

    public Task<FeatureResult> Simulate(RunDefinition definition, TrialBlock block)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(block);
        if (_simulator is null)
        {
            var featureId = GrainKeys.Split(this.GetPrimaryKeyString()).Tail;
            var options = definition.EngineOptions();
            _simulator = new FeatureSimulator(plans.Get(definition), featureId, options, pools.Source(options));
        }

        var blocks = _simulator.Simulate(block.FirstTrial, block.TrialCount);
        return Task.FromResult(new FeatureResult([.. blocks]));
    }

    public Task Release()
    {
        _simulator = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
