using System.Globalization;
using MathNet.Numerics.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Distributions;

internal sealed class LogNormalTokens : TokenDistribution
{
    private readonly double _mu;
    private readonly double _sigma;

    public LogNormalTokens(double mu, double sigma, double? max)
        : base(max)
    {
        if (!double.IsFinite(mu))
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "mu must be a finite number.");
        }

        if (!(sigma >= 0) || double.IsInfinity(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be zero or more.");
        }

        _mu = mu;
        _sigma = sigma;
    }

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"lognormal({_mu:R},{_sigma:R}{CapText()})");

    public override TokenDistribution WithMax(double? max) => new LogNormalTokens(_mu, _sigma, max);

    private protected override double SampleUncapped(StableRandom random) =>
        _sigma == 0 ? Math.Exp(_mu) : LogNormal.Sample(random, _mu, _sigma);
}
