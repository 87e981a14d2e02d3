using Tokencast.Core.Randomness;

namespace Tokencast.Core.Simulation;

/// <summary>
/// Simulates one feature, in every cohort and in every branch that has it, for ranges of trials. It draws
/// the cohort volumes and price trends it needs from the same keyed streams as a whole-branch simulation,
/// so a forecast split by feature across machines sums to the same bits (see <see cref="FeatureBlock"/>).
/// </summary>
/// <remarks>
/// Not thread-safe: one instance keeps working memory for its trials; create one per thread.
/// </remarks>
public sealed class FeatureSimulator
{
    private readonly SimulationPlan _plan;
    private readonly ulong _seed;
    private readonly int[] _featureIndex;
    private readonly BranchSimulator?[] _simulators;
    private readonly TrialAssumptions?[] _assumptions;
    private readonly TrialScratch?[] _scratch;
    private readonly bool[]?[] _reuse;
    private readonly SharedAssumptions?[] _shared;
    private readonly int[][] _lineMaps;
    private readonly CellStore? _store;
    private readonly StableRandom _random = new(0);

    /// <summary>
    /// Creates the simulator of feature <paramref name="featureId"/>; <paramref name="pools"/> gives the
    /// task-cost pool of each of its regimes (pools must be equal for equal
    /// <see cref="Forecasting.ForecastEngine.PoolKey"/>, as a shared cache of them gives).
    /// </summary>
    public FeatureSimulator(
        SimulationPlan plan, string featureId, EngineOptions options, Func<FeaturePlan, TaskRegime, TaskCostPool> pools)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(featureId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pools);
        _plan = plan;
        _seed = options.Seed;
        FeatureId = featureId;

        var branches = plan.Branches;
        _featureIndex = branches.Select(b => IndexOf(b, featureId)).ToArray();
        if (_featureIndex.All(index => index < 0))
        {
            throw new ArgumentException($"No branch has the feature '{featureId}'.", nameof(featureId));
        }

        // Each branch gets pools for this feature only; the simulator never touches the other features.
        var branchPools = branches.Select((branch, b) => branch.Features
            .Select((feature, f) => f == _featureIndex[b]
                ? feature.Regimes.Select(regime => pools(feature, regime)).ToArray()
                : [])
            .ToArray()).ToArray();
        _simulators = branches
            .Select((branch, b) => _featureIndex[b] < 0
                ? null
                : new BranchSimulator(branch, plan.Months, options.Seed, options.Mode, branchPools[b]))
            .ToArray();
        _assumptions = branches.Select(branch => new TrialAssumptions(branch, plan.Months)).ToArray();
        _scratch = _simulators.Select(simulator => simulator?.CreateScratch()).ToArray();

        // Later branches replay the cells they share with the first, as the whole-branch engine does.
        _reuse = branches
            .Select((branch, b) => b == 0 || _featureIndex[b] < 0 || _featureIndex[0] < 0
                ? null
                : CellReuse.Find(branches[0], branchPools[0], branch, branchPools[b]))
            .ToArray();
        _shared = branches.Select((branch, b) => b == 0 ? null : SharedAssumptions.Find(branches[0], branch)).ToArray();
        _lineMaps = branches.Select(branch => CellReuse.MapCostLines(branches[0], branch)).ToArray();
        _store = branches.Count > 1 && _featureIndex[0] >= 0
            ? new CellStore(branches[0].Features.Count * branches[0].Cohorts.Count, plan.Months, branches[0].CostLines.Count)
            : null;
    }

    /// <summary>The feature simulated.</summary>
    public string FeatureId { get; }

    /// <summary>Returns the feature's index in each branch of the plan, or -1 where the branch lacks it.</summary>
    public IReadOnlyList<int> FeatureIndex => _featureIndex;

    /// <summary>
    /// Simulates trials [<paramref name="firstTrial"/>, first + count) and returns one block per branch of
    /// the plan, in plan order, null for a branch without the feature. With <paramref name="demand"/> (per
    /// branch, per cohort in the branch's order, the blocks of <see cref="CohortSimulator"/> for the same
    /// trials), users and tasks per user come from there instead of being drawn here; the numbers are the
    /// same. With <paramref name="reuse"/>, the blocks of an earlier call that are no longer read, their
    /// memory is used again.
    /// </summary>
    public FeatureBlock?[] Simulate(
        int firstTrial,
        int trialCount,
        IReadOnlyList<IReadOnlyList<CohortBlock?>?>? demand = null,
        IReadOnlyList<FeatureBlock?>? reuse = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstTrial);
        ArgumentOutOfRangeException.ThrowIfNegative(trialCount);
        var branches = _plan.Branches;
        var blocks = branches
            .Select((branch, b) => _featureIndex[b] < 0
                ? null
                : reuse?[b] is { } old
                    ? FeatureBlock.Reuse(old, firstTrial, trialCount)
                    : new FeatureBlock(branch.Cohorts.Count, branch.CostLines.Count, _plan.Months, firstTrial, trialCount))
            .ToArray();

        for (var slot = 0; slot < trialCount; slot++)
        {
            var trial = firstTrial + slot;
            var trialKey = StreamKey.Combine(_seed, (ulong)trial);
            for (var b = 0; b < branches.Count; b++)
            {
                var feature = _featureIndex[b];
                if (feature < 0)
                {
                    continue;
                }

                // A later branch shares assumptions with the first only when both have the same features, so
                // the first branch's draws of this trial are there to copy from.
                var assumptions = _assumptions[b]!;
                if (demand?[b] is { } cohorts)
                {
                    for (var c = 0; c < cohorts.Count; c++)
                    {
                        var cohort = cohorts[c] ?? throw new ArgumentException($"No demand for cohort {c} of branch {b}.", nameof(demand));
                        assumptions.SetCohort(c, feature, cohort, trial - cohort.FirstTrial);
                    }

                    assumptions.DrawTrends(branches[b], _seed, trial, _random, _assumptions[0], _shared[b]);
                }
                else
                {
                    assumptions.Draw(branches[b], _seed, trial, _random, _assumptions[0], _shared[b], feature);
                }

                var scratch = _scratch[b]!;
                scratch.ClearFeature(feature);
                var cells = b == 0 || _reuse[b] is not null ? _store : null;
                _simulators[b]!.SimulateFeature(feature, trialKey, assumptions, _random, scratch, cells, _reuse[b], _lineMaps[b]);
                scratch.FinishFeature(feature);
                scratch.CopyTo(blocks[b]!, feature, slot);
            }
        }

        return blocks;
    }

    private static int IndexOf(BranchPlan branch, string featureId)
    {
        for (var f = 0; f < branch.Features.Count; f++)
        {
            if (branch.Features[f].Id == featureId)
            {
                return f;
            }
        }

        return -1;
    }
}
