namespace Tokencast.Core.Calibration;

/// <summary>Measures of how well a distribution matches a sample.</summary>
public static class GoodnessOfFit
{
    /// <summary>
    /// Computes the Kolmogorov–Smirnov distance max |F_emp(x) − F(x)| between the sample and a
    /// continuous CDF. With the values sorted, the maximum is reached at a data point, just before or
    /// at its step: D = maxᵢ max(i/n − F(xᵢ), F(xᵢ) − (i − 1)/n). Ties need no special case, because
    /// inside a run of equal values the terms are largest at the ends of the run.
    /// </summary>
    /// <remarks>
    /// NOTE: token counts are integers, so against a continuous fit the distance also measures the
    /// steps of the data. A value shared by a share s of the sample keeps any continuous fit s/2 away.
    /// </remarks>
    public static double KolmogorovSmirnovDistance(IReadOnlyList<double> sortedValues, Func<double, double> cdf)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        ArgumentNullException.ThrowIfNull(cdf);
        if (sortedValues.Count == 0)
        {
            throw new ArgumentException("At least one value is required.", nameof(sortedValues));
        }

        double n = sortedValues.Count;
        var distance = 0.0;
        for (var i = 0; i < sortedValues.Count; i++)
        {
            var fitted = cdf(sortedValues[i]);
            var above = ((i + 1) / n) - fitted;
            var below = fitted - (i / n);
            distance = Math.Max(distance, Math.Max(above, below));
        }

        return distance;
    }

    /// <summary>
    /// Compares a fitted distribution with the sample it was fitted to: KS distance, quantiles at
    /// <paramref name="probabilities"/> (empirical side R7) and means.
    /// </summary>
    public static FitQuality Compare(
        EmpiricalDistribution sample, IFittedDistribution fitted, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(probabilities);

        var distance = ReferenceEquals(sample, fitted)
            ? 0.0
            : KolmogorovSmirnovDistance(sample.SortedValues, fitted.CumulativeDistribution);
        var quantiles = probabilities
            .Select(p => new QuantileComparison(
                p, sample.InverseCumulativeDistribution(p), fitted.InverseCumulativeDistribution(p)))
            .ToList();
        return new FitQuality(distance, quantiles, sample.Mean, fitted.Mean);
    }
}
