using MathNet.Numerics.Distributions;

namespace Tokencast.Core.Calibration;

/// <summary>
/// Log-normal distribution fitted by maximum likelihood: <c>Mu</c> and <c>Sigma</c> are the mean
/// and standard deviation of the logarithms of the values.
/// </summary>
public sealed class LogNormalFit : IFittedDistribution
{
    private readonly LogNormal _distribution;

    private LogNormalFit(LogNormal distribution)
    {
        _distribution = distribution;
    }

    /// <inheritdoc/>
    public string Name => "lognormal";

    /// <summary>Mean of the logarithm.</summary>
    public double Mu => _distribution.Mu;

    /// <summary>Standard deviation of the logarithm.</summary>
    public double Sigma => _distribution.Sigma;

    /// <inheritdoc/>
    public double Mean => _distribution.Mean;

    /// <summary>
    /// Fits a log-normal to positive values by maximum likelihood on their logarithms
    /// (MathNet <see cref="LogNormal.Estimate"/>).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A value is not positive, or fewer than two distinct values are given.
    /// </exception>
    public static LogNormalFit Estimate(IReadOnlyCollection<double> positiveValues)
    {
        ArgumentNullException.ThrowIfNull(positiveValues);
        if (positiveValues.Any(v => v <= 0 || !double.IsFinite(v)))
        {
            throw new ArgumentException(
                "A log-normal fit needs finite positive values.", nameof(positiveValues));
        }

        if (positiveValues.Distinct().Take(2).Count() < 2)
        {
            throw new ArgumentException("A log-normal fit needs two distinct values.", nameof(positiveValues));
        }

        return new LogNormalFit(LogNormal.Estimate(positiveValues));
    }

    /// <summary>Creates a log-normal from known parameters.</summary>
    public static LogNormalFit WithMuSigma(double mu, double sigma) => new(new LogNormal(mu, sigma));

    /// <inheritdoc/>
    public double CumulativeDistribution(double x) => _distribution.CumulativeDistribution(x);

    /// <inheritdoc/>
    public double InverseCumulativeDistribution(double probability) =>
        _distribution.InverseCumulativeDistribution(probability);
}
