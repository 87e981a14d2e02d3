using System.Buffers;

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

        var n = values.Length;
        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var sorted = buffer.AsSpan(0, n);
            values.CopyTo(sorted);
            RadixSort.Sort(sorted, buffer.AsSpan(n, n));
            return FromSorted(sorted, modelRelativeError);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Returns the p-quantile of sorted values by definition 7 of Hyndman and Fan (1996), the default of R
    /// and NumPy and MathNet's <c>QuantileDefinition.R7</c>: linear interpolation between the order
    /// statistics at h = (n − 1)p.
    /// </summary>
    public static double QuantileR7(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    private static Band FromSorted(ReadOnlySpan<double> sorted, double modelRelativeError)
    {
        var n = sorted.Length;
        var sum = 0.0;
        foreach (var value in sorted)
        {
            sum += value;
        }

        var mean = sum / n;
        var squares = 0.0;
        foreach (var value in sorted)
        {
            squares += (value - mean) * (value - mean);
        }

        // One trial has no spread to measure, so its errors are not a number rather than zero.
        var meanError = n > 1 ? Math.Sqrt(squares / (n - 1) / n) : double.NaN;

        Span<double> estimates = stackalloc double[5];
        Span<double> errors = stackalloc double[5];
        for (var i = 0; i < estimates.Length; i++)
        {
            var p = Probabilities[i];
            estimates[i] = QuantileR7(sorted, p);
            errors[i] = n > 1 ? Combine(OrderStatisticError(sorted, p), estimates[i], modelRelativeError) : double.NaN;
        }

        return new Band(
            estimates[0], estimates[1], estimates[2], estimates[3], estimates[4], mean,
            new BandErrors(errors[0], errors[1], errors[2], errors[3], errors[4], Combine(meanError, mean, modelRelativeError)));
    }

    private static double OrderStatisticError(ReadOnlySpan<double> sorted, double p)
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
