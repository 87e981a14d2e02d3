using MathNet.Numerics.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Distributions;

/// <summary>
/// A distribution of token counts for one call, such as the input a user adds in a turn or the output
/// of a model. Parameters are validated by the factory methods; <see cref="Sample"/> then runs unchecked.
/// Samples are rounded to whole tokens and capped at <see cref="Max"/> when one is set.
/// </summary>
public abstract class TokenDistribution
{
    private protected TokenDistribution(double? max)
    {
        if (max is { } cap && !(cap >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "The cap must be zero or more tokens.");
        }

        Max = max;
    }

    /// <summary>Largest value a draw may take (truncation by capping), or null for no cap.</summary>
    public double? Max { get; }

    /// <summary>Draws a whole number of tokens.</summary>
    public double Sample(StableRandom random)
    {
        var value = Math.Round(SampleUncapped(random));
        return Max is { } cap && value > cap ? cap : value;
    }

    /// <summary>A canonical text of the distribution and its parameters, used to key random streams.</summary>
    public abstract string Describe();

    /// <summary>Returns a new distribution whose draws are capped at <paramref name="max"/> tokens.</summary>
    public abstract TokenDistribution WithMax(double? max);

    private protected abstract double SampleUncapped(StableRandom random);

    private protected string CapText() =>
        Max is { } cap ? ",max=" + cap.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>Creates a distribution that always returns <paramref name="tokens"/>.</summary>
    public static TokenDistribution Fixed(double tokens) => new FixedTokens(tokens, null);

    /// <summary>Creates a log-normal distribution from the mean and standard deviation of the log.</summary>
    public static TokenDistribution LogNormalWithMuSigma(double mu, double sigma) =>
        new LogNormalTokens(mu, sigma, null);

    /// <summary>
    /// Creates a log-normal distribution from its median and one higher quantile: mu = ln(median),
    /// sigma = (ln(q_p) - mu) / z_p, where z_p is the standard normal quantile of p.
    /// </summary>
    public static TokenDistribution LogNormalWithMedianAndQuantile(double median, double probability, double quantile)
    {
        var (mu, sigma) = LogNormalParameters(median, probability, quantile);
        return new LogNormalTokens(mu, sigma, null);
    }

    /// <summary>
    /// Creates a log-normal body with a Pareto tail: below the <paramref name="tailFrom"/> quantile the
    /// draws follow the log-normal; above it they follow a Pareto distribution with shape
    /// <paramref name="alpha"/> anchored at that quantile, so the CDF is continuous there.
    /// </summary>
    public static TokenDistribution LogNormalPareto(double mu, double sigma, double tailFrom, double alpha) =>
        new LogNormalParetoTokens(mu, sigma, tailFrom, alpha, null);

    /// <summary>Creates an empirical distribution that resamples the given observed values uniformly.</summary>
    public static TokenDistribution Empirical(IReadOnlyList<double> values) => new EmpiricalTokens(values, null);

    /// <summary>Returns (mu, sigma) of the log-normal with the given median and p-quantile.</summary>
    public static (double Mu, double Sigma) LogNormalParameters(double median, double probability, double quantile)
    {
        if (!(median > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(median), median, "The median must be positive.");
        }

        if (!(probability > 0.5 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Use a quantile above 0.5.");
        }

        if (!(quantile > median))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "The quantile must exceed the median.");
        }

        var mu = Math.Log(median);
        var sigma = (Math.Log(quantile) - mu) / Normal.InvCDF(0, 1, probability);
        return (mu, sigma);
    }
}
