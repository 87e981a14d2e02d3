using MathNet.Numerics.Distributions;

namespace Tokencast.Core.Calibration;

/// <summary>
/// Log-normal body with a Pareto tail, spliced at the <c>TailFrom</c> quantile u of the body:
/// F(x) is the log-normal CDF below u and 1 − (1 − TailFrom)(x / u)^−α from u on, so F is
/// continuous. This is the <c>lognormal_pareto</c> form of a scenario file.
/// </summary>
public sealed class LogNormalParetoFit : IFittedDistribution
{
    private LogNormalParetoFit(double mu, double sigma, double tailFrom, double alpha, int tailCount)
    {
        Mu = mu;
        Sigma = sigma;
        TailFrom = tailFrom;
        Alpha = alpha;
        TailCount = tailCount;
        Threshold = Math.Exp(mu + (sigma * Normal.InvCDF(0, 1, tailFrom)));
    }

    /// <inheritdoc/>
    public string Name => "lognormal_pareto";

    /// <summary>Mean of the logarithm of the log-normal body.</summary>
    public double Mu { get; }

    /// <summary>Standard deviation of the logarithm of the log-normal body.</summary>
    public double Sigma { get; }

    /// <summary>Median of the body, exp(Mu), which is also the median of the whole distribution.</summary>
    public double Median => Math.Exp(Mu);

    /// <summary>Probability below the splice point.</summary>
    public double TailFrom { get; }

    /// <summary>Splice point u: the TailFrom quantile of the body, in tokens.</summary>
    public double Threshold { get; }

    /// <summary>Pareto tail index α above the threshold.</summary>
    public double Alpha { get; }

    /// <summary>Number of observed values above the threshold that the tail index was fitted to.</summary>
    public int TailCount { get; }

    /// <inheritdoc/>
    public double Mean
    {
        get
        {
            if (Alpha <= 1)
            {
                return double.PositiveInfinity;
            }

            // Partial expectation of the log-normal below u, plus the mean of the Pareto part.
            var logThreshold = Math.Log(Threshold);
            var body = Math.Exp(Mu + (Sigma * Sigma / 2))
                * Normal.CDF(0, 1, (logThreshold - Mu - (Sigma * Sigma)) / Sigma);
            var tail = (1 - TailFrom) * Alpha * Threshold / (Alpha - 1);
            return body + tail;
        }
    }

    /// <summary>
    /// Fits the body through the empirical median and the empirical <paramref name="tailFrom"/>
    /// quantile (R7), so the splice point u is that quantile, and the tail index by the Hill
    /// estimator on the values above u.
    /// </summary>
    /// <param name="body">Empirical distribution of the positive values.</param>
    /// <param name="tailFrom">Probability of the splice point, such as 0.95.</param>
    /// <param name="minimumTailCount">Fewest values above u that a tail index is fitted to.</param>
    /// <param name="reason">Why no fit was made, when the result is null.</param>
    /// <returns>The fit, or null when the sample cannot support one.</returns>
    public static LogNormalParetoFit? TryFit(
        EmpiricalDistribution body, double tailFrom, int minimumTailCount, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (tailFrom is <= 0.5 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tailFrom), tailFrom, "Must lie between 0.5 and 1.");
        }

        var median = body.InverseCumulativeDistribution(0.5);
        var threshold = body.InverseCumulativeDistribution(tailFrom);
        if (median <= 0 || threshold <= median)
        {
            reason = FormattableString.Invariant(
                $"the p{tailFrom * 100:0.##} quantile {threshold:0.##} is not above the median {median:0.##}");
            return null;
        }

        var tailCount = body.SortedValues.Count(v => v > threshold);
        if (tailCount < minimumTailCount)
        {
            reason = $"too few values above the splice point ({tailCount}, {minimumTailCount} needed)";
            return null;
        }

        var alpha = HillEstimator.EstimateTailIndex(body.SortedValues, threshold)!.Value;
        var mu = Math.Log(median);
        var sigma = (Math.Log(threshold) - mu) / Normal.InvCDF(0, 1, tailFrom);
        reason = null;
        return new LogNormalParetoFit(mu, sigma, tailFrom, alpha, tailCount);
    }

    /// <summary>Creates the distribution from known parameters.</summary>
    public static LogNormalParetoFit WithParameters(double mu, double sigma, double tailFrom, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        if (tailFrom is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tailFrom), tailFrom, "Must lie between 0 and 1.");
        }

        return new LogNormalParetoFit(mu, sigma, tailFrom, alpha, tailCount: 0);
    }

    /// <inheritdoc/>
    public double CumulativeDistribution(double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        return x < Threshold
            ? LogNormal.CDF(Mu, Sigma, x)
            : 1 - ((1 - TailFrom) * Math.Pow(x / Threshold, -Alpha));
    }

    /// <inheritdoc/>
    public double InverseCumulativeDistribution(double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1.0);
        return probability < TailFrom
            ? LogNormal.InvCDF(Mu, Sigma, probability)
            : Threshold * Math.Pow((1 - probability) / (1 - TailFrom), -1 / Alpha);
    }
}
