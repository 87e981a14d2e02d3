using MathNet.Numerics.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Simulation;

/// <summary>
/// The cost distribution of one task under one task model: a large sample of tasks simulated call by
/// call and sorted by cost, from which the sum of many tasks is drawn in constant time (the collective
/// risk model of actuarial science).
/// </summary>
/// <remarks>
/// <para>
/// A month of a feature in a cohort is a compound Poisson sum S = X_1 + ... + X_N with N ~ Poisson(λ).
/// Up to <see cref="DirectLimit"/> expected tasks every task is drawn from the sample. Above it,
/// <see cref="AddAggregate"/> splits the sorted sample into a body and a tail of the m most expensive
/// tasks. Tail tasks are drawn one by one (their count is Poisson(λ m / K)), so the rare expensive tasks
/// that carry the tail stay exact. The body is summed through its cumulants κ_j = λ E[X^j; body] with the
/// normal-power approximation S ≈ μ + σ (z + γ (z² − 1) / 6), which corrects the normal for skewness γ.
/// </para>
/// <para>
/// m is the smallest tail (0, 1, 2, 4, ... tasks of the sample) that brings the body's skewness down to
/// <see cref="MaxBodySkewness"/>, where normal-power is accurate, chosen once per octave of λ at the
/// octave's low end (the skewness falls as λ grows). Large months therefore need no tail draws at all.
/// </para>
/// <para>
/// The sample is a finite estimate of the task-cost distribution, so its mean carries a sampling error
/// common to all trials; <see cref="RelativeStandardError"/> reports it and the band errors include it.
/// </para>
/// </remarks>
public sealed class TaskCostPool
{
    /// <summary>Up to this many expected tasks, every task of the month is drawn individually.</summary>
    public const double DirectLimit = 64;

    /// <summary>Skewness of the body above which more tasks are moved to the exactly drawn tail.</summary>
    public const double MaxBodySkewness = 1.0;

    /// <summary>
    /// Expected tail draws per month at the low end of an octave of expected tasks, so under twice this
    /// within the octave. Where this many draws do not bring the body's skewness down, it stays higher.
    /// </summary>
    public const double MaxTailDraws = 8;

    private const int ChunkSize = 4096;
    private const int FirstOctave = 6;
    private const int Octaves = 58;

    private readonly double[] _sortedTotals;
    private readonly double[] _sortedLines;
    private readonly OctaveSplit[] _splits;
    private readonly double[] _bodyLineMoments;
    private readonly double[] _lineMeans;

    private TaskCostPool(double[] totals, double[] lines, int lineCount)
    {
        var count = totals.Length;
        LineCount = lineCount;

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Introsort on a copy of the costs carries the indices along. It is not stable, but the same costs in
        // the same order always give the same permutation, so the pool stays deterministic.
        var keys = (double[])totals.Clone();
        Array.Sort(keys, order);

        _sortedTotals = new double[count];
        _sortedLines = new double[count * lineCount];
        for (var i = 0; i < count; i++)
        {
            _sortedTotals[i] = totals[order[i]];
            Array.Copy(lines, order[i] * lineCount, _sortedLines, i * lineCount, lineCount);
        }

        var sum = 0.0;
        var squares = 0.0;
        foreach (var x in _sortedTotals)
        {
            sum += x;
            squares += x * x;
        }

        Mean = sum / count;
        var variance = Math.Max(0, squares / count - Mean * Mean) * count / Math.Max(1, count - 1);
        RelativeStandardError = Mean > 0 ? Math.Sqrt(variance / count) / Mean : 0;
        (_splits, _bodyLineMoments) = BuildSplits();
        _lineMeans = new double[lineCount];
        for (var i = 0; i < count; i++)
        {
            for (var line = 0; line < lineCount; line++)
            {
                _lineMeans[line] += _sortedLines[i * lineCount + line] / count;
            }
        }
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
        int minTasks = 8_192,
        int maxTasks = 131_072,
        double targetRelativeError = 0.01)
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

    /// <summary>Returns the share of sampled tasks that cost at most <paramref name="cost"/> (the empirical CDF).</summary>
    public double CumulativeProbability(double cost)
    {
        // Upper bound: the first index whose cost exceeds the given one, so ties all count.
        var low = 0;
        var high = Count;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (_sortedTotals[middle] <= cost)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return (double)low / Count;
    }

    /// <summary>Returns the mean cost per task on one cost line.</summary>
    public double LineMean(int line) => _lineMeans[line];

    /// <summary>
    /// Draws the total cost of a Poisson(<paramref name="expectedTasks"/>) number of tasks and adds it, by
    /// cost line, to <paramref name="lineSums"/> after mapping line i to <paramref name="lineMap"/>[i].
    /// <paramref name="normal"/> is a standard normal deviate drawn by the caller for this month.
    /// </summary>
    public void AddAggregate(
        double expectedTasks, double normal, StableRandom random, ReadOnlySpan<int> lineMap, Span<double> lineSums)
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

        var octave = OctaveOf(expectedTasks);
        ref readonly var split = ref _splits[octave];
        AddBody(expectedTasks, normal, split, _bodyLineMoments.AsSpan(octave * LineCount, LineCount), lineMap, lineSums);
        if (split.TailSize > 0)
        {
            var tailTasks = Poisson.Sample(random, expectedTasks * split.TailSize / Count);
            var bodySize = Count - split.TailSize;
            for (var i = 0; i < tailTasks; i++)
            {
                AddTask(bodySize + (int)random.NextBelow((ulong)split.TailSize), lineMap, lineSums);
            }
        }
    }

    private static void AddBody(
        double expectedTasks, double z, in OctaveSplit split, ReadOnlySpan<double> shares, ReadOnlySpan<int> lineMap,
        Span<double> lineSums)
    {
        if (split.Moment1 <= 0)
        {
            return;
        }

        // κ1 = λ m1, σ = sqrt(λ m2) and γ = λ m3 / (λ m2)^1.5 = (m3 / m2^1.5) / sqrt(λ).
        var rootTasks = Math.Sqrt(expectedTasks);
        var mean = expectedTasks * split.Moment1;
        var sd = rootTasks * split.RootMoment2;
        var skewness = split.StandardisedMoment3 / rootTasks;

        // Normal-power approximation; the map z -> z + γ(z² - 1)/6 rises only for z > -3/γ.
        if (skewness > 0)
        {
            z = Math.Max(z, -3 / skewness);
        }

        var total = Math.Max(0, mean + sd * (z + skewness * (z * z - 1) / 6));
        var scale = total / split.Moment1;
        for (var line = 0; line < shares.Length; line++)
        {
            lineSums[lineMap[line]] += shares[line] * scale;
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

    private static int OctaveOf(double expectedTasks)
    {
        var exponent = (int)((BitConverter.DoubleToInt64Bits(expectedTasks) >> 52) & 0x7FF) - 1023;
        return Math.Clamp(exponent - FirstOctave, 0, Octaves - 1);
    }

    private (OctaveSplit[] Splits, double[] BodyLineMoments) BuildSplits()
    {
        var count = Count;
        var prefix1 = new double[count + 1];
        var prefix2 = new double[count + 1];
        var prefix3 = new double[count + 1];
        for (var i = 0; i < count; i++)
        {
            var x = _sortedTotals[i];
            prefix1[i + 1] = prefix1[i] + x;
            prefix2[i + 1] = prefix2[i] + x * x;
            prefix3[i + 1] = prefix3[i] + x * x * x;
        }

        var linePrefix = new double[(count + 1) * LineCount];
        for (var i = 0; i < count; i++)
        {
            for (var line = 0; line < LineCount; line++)
            {
                linePrefix[(i + 1) * LineCount + line] = linePrefix[i * LineCount + line] + _sortedLines[i * LineCount + line];
            }
        }

        var splits = new OctaveSplit[Octaves];
        var bodyLineMoments = new double[Octaves * LineCount];
        for (var octave = 0; octave < Octaves; octave++)
        {
            var lowestTasks = Math.Pow(2, octave + FirstOctave);
            var maxTail = (int)Math.Min(count / 2, Math.Floor(MaxTailDraws * count / lowestTasks));
            var tail = 0;
            while (tail < maxTail && BodySkewness(prefix2, prefix3, count - tail, lowestTasks) > MaxBodySkewness)
            {
                tail = Math.Min(maxTail, tail == 0 ? 1 : tail * 2);
            }

            var body = count - tail;
            for (var line = 0; line < LineCount; line++)
            {
                bodyLineMoments[octave * LineCount + line] = linePrefix[body * LineCount + line] / count;
            }

            var moment2 = prefix2[body] / count;
            splits[octave] = new OctaveSplit(
                tail,
                prefix1[body] / count,
                Math.Sqrt(moment2),
                moment2 > 0 ? prefix3[body] / count / Math.Pow(moment2, 1.5) : 0);
        }

        return (splits, bodyLineMoments);
    }

    private static double BodySkewness(double[] prefix2, double[] prefix3, int body, double expectedTasks)
    {
        var count = prefix2.Length - 1;
        var moment2 = prefix2[body] / count;
        var moment3 = prefix3[body] / count;
        return moment2 > 0 ? moment3 / (Math.Pow(moment2, 1.5) * Math.Sqrt(expectedTasks)) : 0;
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

    /// <summary>
    /// The body/tail split for one octave of expected tasks: the tail size and the body's raw moments per
    /// sampled task (sums over the body divided by the pool size): m1, sqrt(m2) and m3 / m2^1.5.
    /// </summary>
    private readonly record struct OctaveSplit(int TailSize, double Moment1, double RootMoment2, double StandardisedMoment3);
}
