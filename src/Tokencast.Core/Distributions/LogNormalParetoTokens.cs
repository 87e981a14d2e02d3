using System.Globalization;
using MathNet.Numerics.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Distributions;

/// <summary>
/// Log-normal body spliced to a Pareto tail at quantile q: F(x) is the log-normal CDF up to x_q, and
/// 1 - (1 - q)(x_q / x)^alpha above it. Sampling inverts this CDF.
/// </summary>
internal sealed class LogNormalParetoTokens : TokenDistribution
{
    private readonly double _mu;
    private readonly double _sigma;
    private readonly double _tailFrom;
    private readonly double _alpha;
    private readonly double _threshold;

    public LogNormalParetoTokens(double mu, double sigma, double tailFrom, double alpha, double? max)
        : base(max)
    {
        if (!double.IsFinite(mu))
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "mu must be a finite number.");
        }

        if (!(sigma > 0) || double.IsInfinity(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be positive.");
        }

        if (!(tailFrom > 0 && tailFrom < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tailFrom), tailFrom, "The tail must start at a quantile in (0, 1).");
        }

        if (!(alpha > 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The Pareto shape alpha must be positive.");
        }

        _mu = mu;
        _sigma = sigma;
        _tailFrom = tailFrom;
        _alpha = alpha;
        _threshold = Math.Exp(mu + sigma * Normal.InvCDF(0, 1, tailFrom));
    }

    public override string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"lognormal_pareto({_mu:R},{_sigma:R},{_tailFrom:R},{_alpha:R}{CapText()})");

    public override TokenDistribution WithMax(double? max) =>
        new LogNormalParetoTokens(_mu, _sigma, _tailFrom, _alpha, max);

    private protected override double SampleUncapped(StableRandom random)
    {
        var u = random.NextOpenDouble();
        if (u < _tailFrom)
        {
            return Math.Exp(_mu + _sigma * Normal.InvCDF(0, 1, u));
        }

        return _threshold * Math.Pow((1 - _tailFrom) / (1 - u), 1 / _alpha);
    }
}
