using System.Globalization;
using MathNet.Numerics.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Distributions;

/// <summary>
/// A distribution of counts per task (turns, agent steps, tool calls), drawn with MathNet.Numerics
/// samplers and clamped to [<see cref="Min"/>, <see cref="Max"/>].
/// </summary>
public sealed class CountDistribution
{
    private readonly CountKind _kind;
    private readonly double _first;
    private readonly double _second;

    private CountDistribution(CountKind kind, double first, double second, int min, int max)
    {
        if (min < 0 || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"Need 0 <= min <= max, got min {min} and max {max}.");
        }

        _kind = kind;
        _first = first;
        _second = second;
        Min = min;
        Max = max;
    }

    private enum CountKind
    {
        Fixed,
        Poisson,
        Geometric,
        NegativeBinomial,
    }

    /// <summary>Smallest count a draw may return.</summary>
    public int Min { get; }

    /// <summary>Largest count a draw may return.</summary>
    public int Max { get; }

    /// <summary>Creates a distribution that always returns <paramref name="count"/>.</summary>
    public static CountDistribution Fixed(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new CountDistribution(CountKind.Fixed, count, 0, count, count);
    }

    /// <summary>Creates a Poisson distribution with the given mean (support 0, 1, ...).</summary>
    public static CountDistribution Poisson(double mean, int min = 0, int max = int.MaxValue)
    {
        if (!(mean > 0) || double.IsInfinity(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The Poisson mean must be positive.");
        }

        return new CountDistribution(CountKind.Poisson, mean, 0, min, max);
    }

    /// <summary>
    /// Creates a geometric distribution on 1, 2, ... with the given mean, so the success probability is
    /// 1 / mean (the number of trials up to and including the first success).
    /// </summary>
    public static CountDistribution Geometric(double mean, int min = 1, int max = int.MaxValue)
    {
        if (!(mean >= 1) || double.IsInfinity(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "A geometric count on 1, 2, ... has a mean of 1 or more.");
        }

        return new CountDistribution(CountKind.Geometric, 1 / mean, 0, min, max);
    }

    /// <summary>
    /// Creates a negative binomial distribution on 0, 1, ... from its mean and dispersion r, with
    /// variance mean + mean^2 / r (the usual ecological parameterisation); success probability r / (r + mean).
    /// </summary>
    public static CountDistribution NegativeBinomial(double mean, double dispersion, int min = 0, int max = int.MaxValue)
    {
        if (!(mean > 0) || double.IsInfinity(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be positive.");
        }

        if (!(dispersion > 0) || double.IsInfinity(dispersion))
        {
            throw new ArgumentOutOfRangeException(nameof(dispersion), dispersion, "The dispersion must be positive.");
        }

        return new CountDistribution(CountKind.NegativeBinomial, dispersion, dispersion / (dispersion + mean), min, max);
    }

    /// <summary>Draws one count.</summary>
    public int Sample(StableRandom random)
    {
        var value = _kind switch
        {
            CountKind.Fixed => (int)_first,
            CountKind.Poisson => MathNet.Numerics.Distributions.Poisson.Sample(random, _first),
            CountKind.Geometric => MathNet.Numerics.Distributions.Geometric.Sample(random, _first),
            _ => MathNet.Numerics.Distributions.NegativeBinomial.Sample(random, _first, _second),
        };

        return Math.Clamp(value, Min, Max);
    }

    /// <summary>A canonical text of the distribution and its parameters, used to key random streams.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_kind}({_first:R},{_second:R},{Min},{Max})");
}
