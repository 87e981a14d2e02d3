using MathNet.Numerics.Statistics;

namespace Tokencast.Core.Forecasting;

/// <summary>Computes a <see cref="Band"/> from per-trial values.</summary>
public static class BandStatistics
{
    /// <summary>The percentiles every band reports, as probabilities.</summary>
    public static IReadOnlyList<double> Probabilities { get; } = [0.05, 0.10, 0.50, 0.90, 0.95];

    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// Computes the band of <paramref name="values"/>. Percentile standard errors are distribution-free:
    /// the order statistics at n·p ± 1.96·sqrt(n·p·(1 − p)) bound a 95 % confidence interval for the
    /// p-quantile, and half its width divided by 1.96 estimates the standard error.
    /// <paramref name="modelRelativeError"/> adds, in quadrature, an error common to all trials (the
    /// sampling error of the task-cost distribution), relative to each estimate.
    /// </summary>
    public static Band Compute(ReadOnlySpan<double> values, double modelRelativeError = 0)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("A band needs at least one trial.", nameof(values));
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;

        var sum = 0.0;
        var squares = 0.0;
        foreach (var value in sorted)
        {
            sum += value;
        }

        var mean = sum / n;
        foreach (var value in sorted)
        {
            squares += (value - mean) * (value - mean);
        }

        // One trial says nothing about the spread, so its errors are not a number rather than zero.
        var meanError = n > 1 ? Math.Sqrt(squares / (n - 1) / n) : double.NaN;

        var estimates = new double[Probabilities.Count];
        var errors = new double[Probabilities.Count];
        for (var i = 0; i < estimates.Length; i++)
        {
            var p = Probabilities[i];
            estimates[i] = SortedArrayStatistics.QuantileCustom(sorted, p, QuantileDefinition.R7);
            errors[i] = n > 1 ? Combine(OrderStatisticError(sorted, p), estimates[i], modelRelativeError) : double.NaN;
        }

        return new Band(
            estimates[0], estimates[1], estimates[2], estimates[3], estimates[4], mean,
            new BandErrors(errors[0], errors[1], errors[2], errors[3], errors[4], Combine(meanError, mean, modelRelativeError)));
    }

    private static double OrderStatisticError(double[] sorted, double p)
    {
        var n = sorted.Length;
        var halfWidth = Z95 * Math.Sqrt(n * p * (1 - p));
        var low = Math.Clamp((int)Math.Floor(n * p - halfWidth) - 1, 0, n - 1);
        var high = Math.Clamp((int)Math.Ceiling(n * p + halfWidth) - 1, 0, n - 1);
        return (sorted[high] - sorted[low]) / (2 * Z95);
    }

    private static double Combine(double trialError, double estimate, double modelRelativeError)
    {
        var modelError = Math.Abs(estimate) * modelRelativeError;
        return Math.Sqrt(trialError * trialError + modelError * modelError);
    }
}
