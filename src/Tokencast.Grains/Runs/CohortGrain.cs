using Orleans.Placement;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Runs;

/// <summary>
/// Draws one cohort's demand for its lane: users per month and tasks per user per feature. Placed on
/// the silo of the lane that calls it, like the feature grains that use its results.
/// </summary>
[PreferLocalPlacement]
internal sealed class CohortGrain(PlanCache plans) : Grain, ICohortGrain
{
    private CohortSimulator? _simulator;
    private CohortResult? _last;

    public Task<CohortResult> Simulate(RunDefinition definition, TrialBlock block)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(block);
        _simulator ??= new CohortSimulator(plans.Get(definition), GrainKeys.Split(this.GetPrimaryKeyString()).Tail, definition.EngineOptions());

        // As for feature grains: the lane is done with the last result before it calls again.
        var blocks = _simulator.Simulate(block.FirstTrial, block.TrialCount, _last is { } last ? last.Blocks : null);
        _last = new CohortResult([.. blocks]);
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
