using MathNet.Numerics.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Simulation;

/// <summary>
/// The cost distribution of one task under one task model: a large sample of tasks simulated call by
/// call, sorted by cost, with prefix sums of the first three powers so that the sum of many tasks can be
/// drawn in constant time (the collective risk model of actuarial science).
/// </summary>
/// <remarks>
/// <para>
/// A month of a feature in a cohort is a compound Poisson sum S = X_1 + ... + X_N with N ~ Poisson(λ).
/// <see cref="AddAggregate"/> splits the task cost at a high threshold u chosen so that about
/// <see cref="TailTasks"/> tasks per draw exceed it. Tasks above u are drawn one by one from the sample
/// (their count is Poisson), so the rare expensive tasks that carry the tail stay exact. The many tasks at
/// or below u are summed through their cumulants κ_j = λ E[X^j; X ≤ u] with the normal-power
/// approximation S ≈ μ + σ (z + γ (z² − 1) / 6), which corrects the normal for the remaining skewness.
/// Below <see cref="DirectLimit"/> expected tasks every task is drawn.
/// </para>
/// <para>
/// The sample is a finite estimate of the task-cost distribution, so its mean carries a sampling error
/// common to all trials; <see cref="RelativeStandardError"/> reports it and the band errors include it.
/// </para>
/// </remarks>
public sealed class TaskCostPool
{
    /// <summary>Below this many expected tasks, every task of the month is drawn individually.</summary>
    public const double DirectLimit = 64;

    /// <summary>Expected number of tasks per draw that are taken from the tail exactly.</summary>
    public const double TailTasks = 8;

    private const int ChunkSize = 4096;

    private readonly double[] _sortedTotals;
    private readonly double[] _sortedLines;
    private readonly double[] _prefix1;
    private readonly double[] _prefix2;
    private readonly double[] _prefix3;
    private readonly double[] _linePrefix;

    private TaskCostPool(double[] totals, double[] lines, int lineCount)
    {
        var count = totals.Length;
        LineCount = lineCount;

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Sorting by (cost, original index) keeps the order deterministic when costs tie.
        Array.Sort(order, (a, b) => totals[a] != totals[b] ? totals[a].CompareTo(totals[b]) : a.CompareTo(b));

        _sortedTotals = new double[count];
        _sortedLines = new double[count * lineCount];
        for (var i = 0; i < count; i++)
        {
            _sortedTotals[i] = totals[order[i]];
            Array.Copy(lines, order[i] * lineCount, _sortedLines, i * lineCount, lineCount);
        }

        _prefix1 = new double[count + 1];
        _prefix2 = new double[count + 1];
        _prefix3 = new double[count + 1];
        _linePrefix = new double[(count + 1) * lineCount];
        for (var i = 0; i < count; i++)
        {
            var x = _sortedTotals[i];
            _prefix1[i + 1] = _prefix1[i] + x;
            _prefix2[i + 1] = _prefix2[i] + x * x;
            _prefix3[i + 1] = _prefix3[i] + x * x * x;
            for (var line = 0; line < lineCount; line++)
            {
                _linePrefix[(i + 1) * lineCount + line] =
                    _linePrefix[i * lineCount + line] + _sortedLines[i * lineCount + line];
            }
        }

        Mean = _prefix1[count] / count;
        var variance = Math.Max(0, _prefix2[count] / count - Mean * Mean) * count / Math.Max(1, count - 1);
        RelativeStandardError = Mean > 0 ? Math.Sqrt(variance / count) / Mean : 0;
    }

    /// <summary>Number of simulated tasks.</summary>
    public int Count => _sortedTotals.Length;

    /// <summary>Number of cost lines per task.</summary>
    public int LineCount { get; }

    /// <summary>Mean cost per task in USD.</summary>
    public double Mean { get; }

    /// <summary>Standard error of <see cref="Mean"/> relative to it, from the sample size and variance.</summary>
    public double RelativeStandardError { get; }

    /// <summary>
    /// Simulates tasks until the mean cost per task is known to <paramref name="targetRelativeError"/>
    /// (one standard error), starting at <paramref name="minTasks"/> and doubling up to
    /// <paramref name="maxTasks"/>. Task i always uses the stream (key, i), so the pool is the same for any
    /// thread count.
    /// </summary>
    public static TaskCostPool Build(
        TaskModel model,
        ulong key,
        int minTasks = 16_384,
        int maxTasks = 262_144,
        double targetRelativeError = 0.005)
    {
        ArgumentNullException.ThrowIfNull(model);
        var simulator = new TaskSimulator(model);
        var lineCount = simulator.LineCount;

        var count = minTasks;
        var totals = new double[count];
        var lines = new double[count * lineCount];
        SimulateRange(simulator, key, totals, lines, 0, count);

        while (count < maxTasks && RelativeError(totals) > targetRelativeError)
        {
            var next = Math.Min(maxTasks, count * 2);
            Array.Resize(ref totals, next);
            Array.Resize(ref lines, next * lineCount);
            SimulateRange(simulator, key, totals, lines, count, next);
            count = next;
        }

        return new TaskCostPool(totals, lines, lineCount);
    }

    /// <summary>Returns the cost of a single task at quantile <paramref name="probability"/> (R-7 interpolation).</summary>
    public double TaskCostQuantile(double probability)
    {
        var h = (Count - 1) * Math.Clamp(probability, 0, 1);
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, Count - 1);
        return _sortedTotals[low] + (h - low) * (_sortedTotals[high] - _sortedTotals[low]);
    }

    /// <summary>Returns the mean cost per task on one cost line.</summary>
    public double LineMean(int line) => _linePrefix[Count * LineCount + line] / Count;

    /// <summary>
    /// Draws the total cost of a Poisson(<paramref name="expectedTasks"/>) number of tasks and adds it, by
    /// cost line, to <paramref name="lineSums"/> after mapping line i to <paramref name="lineMap"/>[i].
    /// </summary>
    public void AddAggregate(double expectedTasks, StableRandom random, ReadOnlySpan<int> lineMap, Span<double> lineSums)
    {
        if (!(expectedTasks > 0))
        {
            return;
        }

        if (expectedTasks <= DirectLimit)
        {
            var tasks = Poisson.Sample(random, expectedTasks);
            for (var i = 0; i < tasks; i++)
            {
                AddTask((int)random.NextBelow((ulong)Count), lineMap, lineSums);
            }

            return;
        }

        var tailSize = (int)Math.Min(Count / 2, Math.Round(TailTasks * Count / expectedTasks));
        var bodySize = Count - tailSize;
        AddBody(expectedTasks, bodySize, random, lineMap, lineSums);

        if (tailSize > 0)
        {
            var tailTasks = Poisson.Sample(random, expectedTasks * tailSize / Count);
            for (var i = 0; i < tailTasks; i++)
            {
                AddTask(bodySize + (int)random.NextBelow((ulong)tailSize), lineMap, lineSums);
            }
        }
    }

    private void AddBody(double expectedTasks, int bodySize, StableRandom random, ReadOnlySpan<int> lineMap, Span<double> lineSums)
    {
        var sum1 = _prefix1[bodySize];
        if (sum1 <= 0)
        {
            return;
        }

        var perTask = expectedTasks / Count;
        var mean = perTask * sum1;
        var variance = perTask * _prefix2[bodySize];
        var third = perTask * _prefix3[bodySize];
        var sd = Math.Sqrt(variance);
        var skewness = variance > 0 ? third / (variance * sd) : 0;

        // Normal-power approximation; the map z -> z + γ(z² - 1)/6 rises only for z > -3/γ.
        var z = Normal.Sample(random, 0, 1);
        if (skewness > 0)
        {
            z = Math.Max(z, -3 / skewness);
        }

        var total = Math.Max(0, mean + sd * (z + skewness * (z * z - 1) / 6));
        var scale = total / sum1;
        var offset = bodySize * LineCount;
        for (var line = 0; line < LineCount; line++)
        {
            lineSums[lineMap[line]] += _linePrefix[offset + line] * scale;
        }
    }

    private void AddTask(int index, ReadOnlySpan<int> lineMap, Span<double> lineSums)
    {
        var offset = index * LineCount;
        for (var line = 0; line < LineCount; line++)
        {
            lineSums[lineMap[line]] += _sortedLines[offset + line];
        }
    }

    private static void SimulateRange(TaskSimulator simulator, ulong key, double[] totals, double[] lines, int from, int to)
    {
        var lineCount = simulator.LineCount;
        var chunks = (to - from + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, chunk =>
        {
            var random = new StableRandom(0);
            var start = from + chunk * ChunkSize;
            var end = Math.Min(to, start + ChunkSize);
            for (var task = start; task < end; task++)
            {
                random.Reseed(StreamKey.Combine(key, (ulong)task));
                totals[task] = simulator.Simulate(random, lines.AsSpan(task * lineCount, lineCount));
            }
        });
    }

    private static double RelativeError(double[] totals)
    {
        var mean = 0.0;
        var squares = 0.0;
        foreach (var x in totals)
        {
            mean += x;
            squares += x * x;
        }

        mean /= totals.Length;
        var variance = Math.Max(0, squares / totals.Length - mean * mean);
        return mean > 0 ? Math.Sqrt(variance / totals.Length) / mean : 0;
    }
}
