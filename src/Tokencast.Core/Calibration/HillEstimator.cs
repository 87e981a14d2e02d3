namespace Tokencast.Core.Calibration;

/// <summary>
/// Hill (1975) estimator of the Pareto tail index: for the k values above a threshold u,
/// α̂ = k / Σ ln(xᵢ / u). With u fixed this is also the maximum-likelihood estimate of α for a
/// Pareto tail P(X &gt; x | X &gt; u) = (x / u)^−α.
/// </summary>
public static class HillEstimator
{
    /// <summary>
    /// Estimates the tail index from the values strictly above <paramref name="threshold"/>.
    /// </summary>
    /// <returns>The estimate, or null when no value lies above the threshold.</returns>
    public static double? EstimateTailIndex(IEnumerable<double> values, double threshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);

        var count = 0;
        var sumOfLogRatios = 0.0;
        foreach (var value in values)
        {
            if (value > threshold)
            {
                count++;
                sumOfLogRatios += Math.Log(value / threshold);
            }
        }

        return count == 0 ? null : count / sumOfLogRatios;
    }
}
