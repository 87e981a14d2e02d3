namespace Tokencast.Core.Quality;

/// <summary>
/// Ranks uncertain inputs by how much they move a simulated output, from per-trial samples: the value of
/// each input and of the output in every Monte Carlo trial.
/// </summary>
public static class Sensitivity
{
    /// <summary>The fewest trials accepted, so that each decile contains at least one trial.</summary>
    public const int MinTrials = 10;

    /// <summary>
    /// Measures every input and returns them sorted by <paramref name="orderBy"/>, largest (in absolute
    /// value) first. Inputs whose measure is null come last, and ties go by input name (ordinal).
    /// </summary>
    /// <param name="inputs">Per-trial samples of each named input, as long as <paramref name="output"/>.</param>
    /// <param name="output">Per-trial samples of the output, at least <see cref="MinTrials"/>.</param>
    /// <param name="orderBy">The measure to sort by.</param>
    /// <exception cref="ArgumentException">
    /// Lengths differ, there are too few trials, or a value is not finite.
    /// </exception>
    public static IReadOnlyList<InputSensitivity> Rank(
        IReadOnlyDictionary<string, double[]> inputs,
        double[] output,
        SensitivityMeasure orderBy = SensitivityMeasure.VarianceIndex)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        CheckSamples("output", output, output.Length);
        foreach (var (name, samples) in inputs)
        {
            CheckSamples(name, samples, output.Length);
        }

        // The output is ranked and summed once; each input then needs one sort. Inputs are measured in parallel
        // because a scenario can have thousands.
        var prepared = new PreparedOutput(output);
        var named = inputs.ToArray();
        var results = new InputSensitivity[named.Length];
        Parallel.For(0, named.Length, i => results[i] = Measure(named[i].Key, named[i].Value, prepared));
        // Null measures sort last.
        Func<InputSensitivity, double> key = orderBy switch
        {
            SensitivityMeasure.VarianceIndex => result => result.VarianceIndex ?? double.NegativeInfinity,
            SensitivityMeasure.SpearmanCorrelation =>
                result => result.SpearmanCorrelation is double rho ? Math.Abs(rho) : double.NegativeInfinity,
            SensitivityMeasure.TornadoSwing => result => Math.Abs(result.TornadoSwing),
            _ => throw new ArgumentOutOfRangeException(nameof(orderBy), orderBy, "Unknown sensitivity measure."),
        };

        return results
            .OrderByDescending(key)
            .ThenBy(result => result.Input, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Returns the number of equal-count bins of the variance index: ⌊√n⌋ for n trials.</summary>
    public static int BinCount(int trials) => (int)Math.Floor(Math.Sqrt(trials));

    /// <summary>
    /// Returns the expected variance index estimate of an input unrelated to the output, (k − 1) / (n − 1)
    /// for k bins and n trials (about 1/√n), which is the upward bias of the estimator.
    /// With 10,000 trials it is 0.0099.
    /// </summary>
    public static double VarianceIndexNullLevel(int trials) => (BinCount(trials) - 1.0) / (trials - 1.0);

    private static InputSensitivity Measure(string name, double[] input, PreparedOutput prepared)
    {
        var output = prepared.Values;
        var n = output.Length;

        // Sorted by value and then trial, so trials with equal input values keep trial order and the result is
        // reproducible.
        var keys = (double[])input.Clone();
        var order = new int[n];
        for (var trial = 0; trial < n; trial++)
        {
            order[trial] = trial;
        }

        Array.Sort(keys, order);
        SortTiesByTrial(keys, order);
        var decile = n / 10;
        var low = Median(order.Take(decile).Select(trial => output[trial]));
        var high = Median(order.Skip(n - decile).Select(trial => output[trial]));

        if (keys[0] == keys[^1] || prepared.IsConstant)
        {
            return new InputSensitivity(name, null, null, prepared.Median, prepared.Median);
        }

        var spearman = Pearson(Ranks(keys, order), prepared.Ranks);
        return new InputSensitivity(name, spearman, VarianceIndex(order, prepared), low, high);
    }

    /// <summary>Puts the trials of each run of equal keys back in trial order, as a stable sort would leave them.</summary>
    private static void SortTiesByTrial(double[] keys, int[] order)
    {
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
            }

            start = end;
        }
    }

    /// <summary>
    /// Returns the rank of each trial (1 for the smallest value), the mean rank for ties, as Spearman's
    /// correlation takes them.
    /// </summary>
    private static double[] Ranks(double[] sortedKeys, int[] order)
    {
        var ranks = new double[order.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && sortedKeys[end] == sortedKeys[start])
            {
                end++;
            }

            var rank = (start + end + 1) / 2.0;
            for (var position = start; position < end; position++)
            {
                ranks[order[position]] = rank;
            }

            start = end;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double meanX = 0, meanY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }

        meanX /= x.Length;
        meanY /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>
    /// Estimates Var(E[Y | X]) / Var(Y) by sorting trials by X, splitting them into ⌊√n⌋ bins of
    /// equal count, and dividing the count-weighted variance of the bin means of Y by the variance of Y
    /// (the correlation ratio η² of Y on the bins).
    /// </summary>
    private static double VarianceIndex(int[] order, PreparedOutput prepared)
    {
        // NOTE: two biases remain. Noise in the bin means adds about (k − 1) / (n − 1) even when Y does not
        // depend on X, and the variation of E[Y | X] inside each bin is lost, which lowers the estimate
        // for inputs whose effect changes fast within a bin. More trials shrink both.
        var output = prepared.Values;
        var n = output.Length;
        var bins = BinCount(n);
        var mean = prepared.Mean;

        var between = 0.0;
        for (var bin = 0; bin < bins; bin++)
        {
            var start = (int)((long)bin * n / bins);
            var end = (int)((long)(bin + 1) * n / bins);
            var binMean = 0.0;
            for (var position = start; position < end; position++)
            {
                binMean += output[order[position]];
            }

            binMean /= end - start;
            between += (end - start) * (binMean - mean) * (binMean - mean);
        }

        return between / prepared.SumOfSquares;
    }

    /// <summary>Returns the median, the mean of the two middle values for an even count.</summary>
    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>What every input's measures share about the output.</summary>
    private sealed class PreparedOutput
    {
        public PreparedOutput(double[] values)
        {
            Values = values;
            var keys = (double[])values.Clone();
            var order = new int[values.Length];
            for (var trial = 0; trial < order.Length; trial++)
            {
                order[trial] = trial;
            }

            Array.Sort(keys, order);
            Ranks = Sensitivity.Ranks(keys, order);
            IsConstant = keys[0] == keys[^1];
            var middle = keys.Length / 2;
            Median = keys.Length % 2 == 1 ? keys[middle] : (keys[middle - 1] + keys[middle]) / 2;
            Mean = values.Average();
            SumOfSquares = values.Sum(value => (value - Mean) * (value - Mean));
        }

        public double[] Values { get; }

        public double[] Ranks { get; }

        public bool IsConstant { get; }

        public double Median { get; }

        public double Mean { get; }

        public double SumOfSquares { get; }
    }

    private static void CheckSamples(string name, double[] samples, int trials)
    {
        if (samples is null)
        {
            throw new ArgumentException($"Samples of '{name}' are missing.", nameof(samples));
        }

        if (samples.Length != trials)
        {
            throw new ArgumentException(
                $"'{name}' has {samples.Length} samples but the output has {trials}; give one per trial.");
        }

        if (trials < MinTrials)
        {
            throw new ArgumentException(
                $"Sensitivity needs at least {MinTrials} trials, but there are {trials}.");
        }

        if (samples.Any(value => !double.IsFinite(value)))
        {
            throw new ArgumentException($"'{name}' has a sample that is not a finite number.");
        }
    }
}
