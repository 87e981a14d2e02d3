using Tokencast.Core.Randomness;

namespace Tokencast.Core.Simulation;

/// <summary>
/// Draws how much one cohort uses the product, in every branch that has it, for ranges of trials: users
/// per month (first-month users compounded by growth) and tasks per user for each feature. The values
/// come from the same keyed streams as a whole-branch simulation, and <see cref="FeatureSimulator"/>
/// takes them as its demand.
/// </summary>
/// <remarks>Not thread-safe: create one per thread.</remarks>
public sealed class CohortSimulator
{
    private readonly SimulationPlan _plan;
    private readonly ulong _seed;
    private readonly int[] _cohortIndex;
    private readonly TrialAssumptions[] _assumptions;
    private readonly SharedAssumptions?[] _shared;
    private readonly StableRandom _random = new(0);

    /// <summary>Creates the simulator of cohort <paramref name="cohortId"/>.</summary>
    public CohortSimulator(SimulationPlan plan, string cohortId, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(cohortId);
        ArgumentNullException.ThrowIfNull(options);
        _plan = plan;
        _seed = options.Seed;
        CohortId = cohortId;
        _cohortIndex = plan.Branches.Select(b => IndexOf(b, cohortId)).ToArray();
        if (_cohortIndex.All(index => index < 0))
        {
            throw new ArgumentException($"No branch has the cohort '{cohortId}'.", nameof(cohortId));
        }

        _assumptions = plan.Branches.Select(branch => new TrialAssumptions(branch, plan.Months)).ToArray();
        _shared = plan.Branches.Select((branch, b) => b == 0 ? null : SharedAssumptions.Find(plan.Branches[0], branch)).ToArray();
    }

    /// <summary>The cohort simulated.</summary>
    public string CohortId { get; }

    /// <summary>Returns the cohort's index in each branch of the plan, or -1 where the branch lacks it.</summary>
    public IReadOnlyList<int> CohortIndex => _cohortIndex;

    /// <summary>
    /// Draws trials [<paramref name="firstTrial"/>, first + count) and returns one block per branch of the
    /// plan, in plan order, null for a branch without the cohort. With <paramref name="reuse"/>, the
    /// blocks of an earlier call that are no longer read, their memory is used again.
    /// </summary>
    public CohortBlock?[] Simulate(int firstTrial, int trialCount, IReadOnlyList<CohortBlock?>? reuse = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstTrial);
        ArgumentOutOfRangeException.ThrowIfNegative(trialCount);
        var branches = _plan.Branches;
        var blocks = branches
            .Select((branch, b) => _cohortIndex[b] < 0
                ? null
                : reuse?[b] is { } old
                    ? CohortBlock.Reuse(old, firstTrial, trialCount)
                    : new CohortBlock(_plan.Months, branch.Features.Count, firstTrial, trialCount))
            .ToArray();

        for (var slot = 0; slot < trialCount; slot++)
        {
            var trial = firstTrial + slot;
            for (var b = 0; b < branches.Count; b++)
            {
                var cohort = _cohortIndex[b];
                if (cohort < 0)
                {
                    continue;
                }

                // A later branch shares draws with the first only when both have the same cohorts and features,
                // so the first branch's draws of this trial are there to copy from.
                _assumptions[b].Draw(branches[b], _seed, trial, _random, _assumptions[0], _shared[b], onlyCohort: cohort);
                _assumptions[b].CopyCohort(cohort, blocks[b]!, slot);
            }
        }

        return blocks;
    }

    private static int IndexOf(BranchPlan branch, string cohortId)
    {
        for (var c = 0; c < branch.Cohorts.Count; c++)
        {
            if (branch.Cohorts[c].Id == cohortId)
            {
                return c;
            }
        }

        return -1;
    }
}
