using MathNet.Numerics.Distributions;

namespace Tokencast.Core.Scenarios;

/// <summary>Converts the median-and-quantile form of a log-normal to its mu and sigma.</summary>
public static class LogNormalFit
{
    /// <summary>
    /// Computes mu = ln(median) and sigma = (ln(quantile) - mu) / z, where z is the standard normal quantile at
    /// <paramref name="probability"/>.
    /// </summary>
    /// <param name="median">The median, above 0.</param>
    /// <param name="probability">Probability of the given quantile, such as 0.95, in (0.5, 1).</param>
    /// <param name="quantile">Value at <paramref name="probability"/>, above <paramref name="median"/>.</param>
    public static (double Mu, double Sigma) FromMedianAndQuantile(double median, double probability, double quantile)
    {
        if (median <= 0 || quantile <= median || probability <= 0.5 || probability >= 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(quantile),
                $"Needs 0 < median < quantile and 0.5 < probability < 1 (median {median}, "
                + $"quantile {quantile}, probability {probability}).");
        }

        var mu = Math.Log(median);
        var sigma = (Math.Log(quantile) - mu) / Normal.InvCDF(0, 1, probability);
        return (mu, sigma);
    }
}
