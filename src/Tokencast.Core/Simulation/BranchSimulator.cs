using MathNet.Numerics.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Simulation;

/// <summary>
/// Simulates trials of one branch: draws the trial's assumptions, then for every feature, cohort and
/// month the spend of that month's tasks. Every random stream is keyed by (seed, trial, entity), so any
/// block of trials computed anywhere gives the same numbers.
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

    /// <summary>Creates the simulator; in aggregated mode <paramref name="pools"/> holds one pool per regime.</summary>
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
    }

    /// <summary>Simulates trials [<paramref name="firstTrial"/>, first + count) into new samples.</summary>
    public BranchSamples Simulate(int firstTrial, int trialCount)
    {
        var samples = new BranchSamples(
            _branch.Features.Count, _branch.Cohorts.Count, _branch.CostLines.Count, _months, firstTrial, trialCount);
        var random = new StableRandom(0);
        var assumptions = new TrialAssumptions(_branch, _months);
        var lines = new double[_branch.CostLines.Count];

        for (var i = 0; i < trialCount; i++)
        {
            var trial = firstTrial + i;
            assumptions.Draw(_branch, _seed, trial, random);
            SimulateTrial(trial, i, assumptions, random, lines, samples);
        }

        return samples;
    }

    private void SimulateTrial(
        int trial, int slot, TrialAssumptions assumptions, StableRandom random, double[] lines, BranchSamples samples)
    {
        var trialKey = StreamKey.Combine(_seed, (ulong)trial);
        for (var f = 0; f < _branch.Features.Count; f++)
        {
            var feature = _branch.Features[f];
            var featureKey = StreamKey.Combine(trialKey, _featureKeys[f]);
            for (var c = 0; c < _branch.Cohorts.Count; c++)
            {
                var use = _branch.Cohorts[c].Features[f];
                var tasksPerUser = assumptions.TasksPerUser(c, f);
                if (use is null || tasksPerUser <= 0)
                {
                    continue;
                }

                var cellKey = StreamKey.Combine(featureKey, _cohortKeys[c]);
                for (var m = 0; m < _months; m++)
                {
                    var expectedTasks = assumptions.Users(c, m) * tasksPerUser * use.AvailableShare[m];
                    if (expectedTasks <= 0)
                    {
                        continue;
                    }

                    Array.Clear(lines);
                    var segments = feature.Months[m];
                    for (var s = 0; s < segments.Count; s++)
                    {
                        random.Reseed(StreamKey.Combine(cellKey, (ulong)(m * 64 + s)));
                        AddSegment(f, segments[s].Regime, expectedTasks * segments[s].ShareOfMonth, random, lines);
                    }

                    Book(samples, slot, f, c, m, expectedTasks, assumptions, lines);
                }
            }
        }
    }

    private void AddSegment(int feature, int regime, double expectedTasks, StableRandom random, double[] lines)
    {
        var lineMap = _lineMaps[feature][regime];
        if (_mode == SimulationMode.Aggregated)
        {
            _pools[feature][regime].AddAggregate(expectedTasks, random, lineMap, lines);
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

    private static void Book(
        BranchSamples samples, int slot, int feature, int cohort, int month, double expectedTasks,
        TrialAssumptions assumptions, double[] lines)
    {
        var cellTotal = 0.0;
        for (var line = 0; line < lines.Length; line++)
        {
            var spend = lines[line] * assumptions.TrendFactor(line, month);
            if (spend == 0)
            {
                continue;
            }

            samples.Spend(samples.CostLineSeries(line), month)[slot] += spend;
            cellTotal += spend;
        }

        samples.Spend(BranchSamples.TotalSeries, month)[slot] += cellTotal;
        samples.Spend(BranchSamples.FeatureSeries(feature), month)[slot] += cellTotal;
        samples.Spend(samples.CohortSeries(cohort), month)[slot] += cellTotal;
        samples.Tasks(feature, month)[slot] += expectedTasks;
    }
}
