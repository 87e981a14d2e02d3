using MathNet.Numerics.Distributions;

namespace Tokencast.Core.Quality;

/// <summary>
/// A quality estimate on a [0, 1] scale with its 95 % confidence interval.
/// </summary>
/// <param name="Value">Pass rate or mean score, from 0 to 1.</param>
/// <param name="Items">Number of evaluated items the value comes from.</param>
/// <param name="Lower">Lower end of the 95 % interval.</param>
/// <param name="Upper">Upper end of the 95 % interval.</param>
/// <param name="Measure">Whether the value is a pass rate or a mean score.</param>
public sealed record EvalQuality(double Value, int Items, double Lower, double Upper, QualityMeasure Measure)
{
    /// <summary>The standard normal quantile z at 0.975, for two-sided 95 % intervals.</summary>
    public const double NormalQuantile975 = 1.959963984540054;

    /// <summary>
    /// Estimates a pass rate and its Wilson score interval (Wilson 1927). Unlike the normal
    /// approximation p ± z·√(p(1−p)/n), it stays inside [0, 1] and does not collapse to zero
    /// width when every item passes or every item fails.
    /// </summary>
    /// <param name="passRate">Share of items that passed, from 0 to 1.</param>
    /// <param name="items">Number of items, at least 1.</param>
    public static EvalQuality FromPassRate(double passRate, int items)
    {
        if (!(passRate >= 0 && passRate <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(passRate), passRate, "A pass rate must lie in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);

        // Wilson: centre (p + z²/2n) / (1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
        const double z = NormalQuantile975;
        double n = items;
        var denominator = 1 + z * z / n;
        var centre = (passRate + z * z / (2 * n)) / denominator;
        var halfWidth = z * Math.Sqrt(passRate * (1 - passRate) / n + z * z / (4 * n * n)) / denominator;
        var lower = Math.Max(0, centre - halfWidth);
        var upper = Math.Min(1, centre + halfWidth);
        return new EvalQuality(passRate, items, lower, upper, QualityMeasure.PassRate);
    }

    /// <summary>
    /// Estimates a mean score and its Student t interval, mean ± t(0.975, n−1)·s/√n with the sample
    /// standard deviation s, cut to [0, 1]. With one item the interval is the whole range [0, 1].
    /// </summary>
    /// <param name="scores">Per-item scores, each from 0 to 1; at least one.</param>
    public static EvalQuality FromScores(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Count, 1, nameof(scores) + ".Count");
        if (scores.Any(score => !(score >= 0 && score <= 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(scores), "Every score must lie in [0, 1].");
        }

        var n = scores.Count;
        var mean = scores.Average();
        if (n == 1)
        {
            return new EvalQuality(mean, 1, 0, 1, QualityMeasure.MeanScore);
        }

        var sumOfSquares = scores.Sum(score => (score - mean) * (score - mean));
        var standardError = Math.Sqrt(sumOfSquares / (n - 1)) / Math.Sqrt(n);
        var t = StudentT.InvCDF(0, 1, n - 1, 0.975);
        return new EvalQuality(
            mean, n, Math.Max(0, mean - t * standardError), Math.Min(1, mean + t * standardError),
            QualityMeasure.MeanScore);
    }
}
