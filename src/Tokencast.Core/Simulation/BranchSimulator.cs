using MathNet.Numerics.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Simulation;

/// <summary>
/// Simulates trials of one branch: draws the trial's assumptions, then for every feature and cohort the
/// spend of each month's tasks. Every random stream is keyed by (seed, trial, entity), so any block of
/// trials computed anywhere gives the same numbers.
/// </summary>
public sealed class BranchSimulator
{
    private readonly BranchPlan _branch;
    private readonly int _months;
    private readonly ulong _seed;
    private readonly SimulationMode _mode;
    private readonly TaskCostPool[][] _pools;
    private readonly TaskSimulator[][] _simulators;
    private readonly int[][][] _lineMaps;
    private readonly ulong[] _featureKeys;
    private readonly ulong[] _cohortKeys;
    private readonly MonthSegment[][][] _segments;
    private readonly double[]?[][] _available;
    private readonly double[]?[][] _liveFrom;
    private readonly int _normalsPerCell;
    private readonly int[] _normalsPerFeature;

    /// <summary>Creates the simulator; <paramref name="pools"/> contains one pool per feature regime.</summary>
    public BranchSimulator(BranchPlan branch, int months, ulong seed, SimulationMode mode, TaskCostPool[][] pools)
    {
        _branch = branch ?? throw new ArgumentNullException(nameof(branch));
        _months = months;
        _seed = seed;
        _mode = mode;
        _pools = pools ?? throw new ArgumentNullException(nameof(pools));
        _simulators = branch.Features.Select(f => f.Regimes.Select(r => new TaskSimulator(r.Model)).ToArray()).ToArray();
        _lineMaps = branch.Features.Select(f => f.Regimes.Select(r => r.CostLines.ToArray()).ToArray()).ToArray();
        _featureKeys = branch.Features.Select(f => StreamKey.Of("feature", f.Id)).ToArray();
        _cohortKeys = branch.Cohorts.Select(c => StreamKey.Of("cohort", c.Id)).ToArray();
        _segments = branch.Features.Select(f => f.Months.Select(m => m.ToArray()).ToArray()).ToArray();
        _available = branch.Cohorts.Select(c => c.Features.Select(u => u?.AvailableShare.ToArray()).ToArray()).ToArray();
        _liveFrom = branch.Cohorts.Select(c => c.Features.Select(u => u?.LiveFrom?.ToArray()).ToArray()).ToArray();

        // One standard normal per month segment of the feature, and only those: a stream that drew as many as
        // the busiest feature needs would shift whenever another feature gained a segment.
        _normalsPerFeature = branch.Features.Select(f => f.Months.Sum(m => m.Count)).ToArray();
        _normalsPerCell = _normalsPerFeature.Length == 0 ? 0 : _normalsPerFeature.Max();
    }

    /// <summary>Simulates trials [<paramref name="firstTrial"/>, first + count) into new samples.</summary>
    public BranchSamples Simulate(int firstTrial, int trialCount)
    {
        var samples = new BranchSamples(
            _branch.Features.Count, _branch.Cohorts.Count, _branch.CostLines.Count, _months, firstTrial, trialCount);
        Simulate(firstTrial, trialCount, samples);
        return samples;
    }

    /// <summary>
    /// Simulates trials [<paramref name="firstTrial"/>, first + count) into their slots of
    /// <paramref name="samples"/>, which must hold them; other slots are left alone, so several threads
    /// may fill disjoint ranges of one sample set.
    /// </summary>
    public void Simulate(int firstTrial, int trialCount, BranchSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (firstTrial < samples.FirstTrial || firstTrial + trialCount > samples.FirstTrial + samples.TrialCount)
        {
            throw new ArgumentOutOfRangeException(nameof(firstTrial), "The trials do not fit the samples.");
        }

        var random = new StableRandom(0);
        var assumptions = new TrialAssumptions(_branch, _months);
        var scratch = new TrialScratch(_branch, _months, _normalsPerCell);

        for (var i = 0; i < trialCount; i++)
        {
            var trial = firstTrial + i;
            assumptions.Draw(_branch, _seed, trial, random);
            scratch.Clear();
            SimulateTrial(trial, assumptions, random, scratch, null, null);
            scratch.CopyTo(samples, trial - samples.FirstTrial);
        }
    }

    /// <summary>Creates the per-thread working memory for one trial of this branch.</summary>
    internal TrialScratch CreateScratch() => new(_branch, _months, _normalsPerCell);

    /// <summary>
    /// Simulates one trial into <paramref name="scratch"/>. Without <paramref name="reuse"/>, every cell's
    /// monthly spend by cost line is also saved in <paramref name="store"/>. With it, the cells it marks are
    /// replayed from <paramref name="store"/> instead of simulated, because the branch that saved them drew
    /// the same cell from the same stream in this trial, and <paramref name="store"/> is left unchanged;
    /// <paramref name="storeLineMap"/> gives, for each cost line of this branch, the store's line of the same
    /// model or -1.
    /// </summary>
    internal void SimulateTrial(
        int trial,
        TrialAssumptions assumptions,
        StableRandom random,
        TrialScratch scratch,
        CellStore? store,
        bool[]? reuse,
        int[]? storeLineMap = null)
    {
        var trialKey = StreamKey.Combine(_seed, (ulong)trial);
        for (var f = 0; f < _branch.Features.Count; f++)
        {
            SimulateFeature(f, trialKey, assumptions, random, scratch, store, reuse, storeLineMap);
            scratch.FinishFeature(f);
        }
    }

    /// <summary>
    /// Simulates every cohort of one feature for one trial into <paramref name="scratch"/>, leaving the
    /// feature's subtotals unfinished; the other arguments are as for <see cref="SimulateTrial"/>.
    /// </summary>
    internal void SimulateFeature(
        int f,
        ulong trialKey,
        TrialAssumptions assumptions,
        StableRandom random,
        TrialScratch scratch,
        CellStore? store,
        bool[]? reuse,
        int[]? storeLineMap)
    {
        var lines = scratch.Lines;
        var saving = reuse is null ? store : null;
        var featureSegments = _segments[f];
        var featureKey = StreamKey.Combine(trialKey, _featureKeys[f]);
        for (var c = 0; c < _branch.Cohorts.Count; c++)
        {
            var cell = f * _branch.Cohorts.Count + c;
            if (reuse is not null && reuse[cell])
            {
                store!.Replay(cell, f, c, storeLineMap!, scratch);
                continue;
            }

            saving?.Clear(cell);
            var available = _available[c][f];
            var tasksPerUser = assumptions.TasksPerUser(c, f);
            if (available is null || tasksPerUser <= 0)
            {
                continue;
            }

            // One stream per trial, feature and cohort covers all its months, in month order.
            random.Reseed(StreamKey.Combine(featureKey, _cohortKeys[c]));
            if (_mode == SimulationMode.Aggregated)
            {
                StandardNormal.Fill(random, scratch.Normals.AsSpan(0, _normalsPerFeature[f]));
            }

            var normal = 0;
            for (var m = 0; m < _months; m++)
            {
                var segments = featureSegments[m];
                var expectedTasks = assumptions.Users(c, m) * tasksPerUser * available[m];
                if (expectedTasks <= 0)
                {
                    normal += segments.Length;
                    continue;
                }

                Array.Clear(lines);
                var liveFrom = _liveFrom[c][f] is { } live ? live[m] : 0;
                var segmentStart = 0.0;
                for (var s = 0; s < segments.Length; s++)
                {
                    var segment = segments[s];
                    var share = liveFrom > 0
                        ? LiveShare(segmentStart, segmentStart + segment.ShareOfMonth, liveFrom)
                        : segment.ShareOfMonth;
                    segmentStart += segment.ShareOfMonth;
                    AddSegment(f, segment.Regime, expectedTasks * share, scratch.Normals[normal++], random, lines);
                }

                scratch.Book(f, c, m, expectedTasks, assumptions);
                saving?.Save(cell, m, expectedTasks, lines);
            }
        }
    }

    /// <summary>
    /// Returns the share of a launch month's tasks that fall in the segment [start, end) of the month, when
    /// the feature is live only from <paramref name="liveFrom"/> on: its overlap with the live days over their
    /// length.
    /// </summary>
    private static double LiveShare(double start, double end, double liveFrom) =>
        liveFrom >= 1 ? 0 : Math.Max(0, end - Math.Max(start, liveFrom)) / (1 - liveFrom);

    private void AddSegment(int feature, int regime, double expectedTasks, double normal, StableRandom random, double[] lines)
    {
        var lineMap = _lineMaps[feature][regime];
        if (_mode == SimulationMode.Aggregated)
        {
            _pools[feature][regime].AddAggregate(expectedTasks, normal, random, lineMap, lines);
            return;
        }

        var simulator = _simulators[feature][regime];
        Span<double> taskLines = stackalloc double[simulator.LineCount];
        var tasks = Poisson.Sample(random, expectedTasks);
        for (var i = 0; i < tasks; i++)
        {
            taskLines.Clear();
            simulator.Simulate(random, taskLines);
            for (var line = 0; line < taskLines.Length; line++)
            {
                lines[lineMap[line]] += taskLines[line];
            }
        }
    }
}
