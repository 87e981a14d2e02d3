using System.Globalization;
using MathNet.Numerics.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Distributions;

/// <summary>
/// An assumption that is uncertain across Monte Carlo trials (user growth, adoption, a price trend):
/// either a constant or a distribution drawn once per trial.
/// </summary>
public sealed class UncertainNumber
{
    private readonly Kind _kind;
    private readonly double _a;
    private readonly double _b;
    private readonly double _c;
    private readonly double _lower = double.NegativeInfinity;
    private readonly double _upper = double.PositiveInfinity;

    private UncertainNumber(Kind kind, double a, double b, double c)
    {
        _kind = kind;
        _a = a;
        _b = b;
        _c = c;
    }

    private UncertainNumber(UncertainNumber source, double lower, double upper)
        : this(source._kind, source._a, source._b, source._c)
    {
        _lower = lower;
        _upper = upper;
    }

    private enum Kind
    {
        Constant,
        Normal,
        Uniform,
        Triangular,
        Beta,
        LogNormal,
        ScaledBeta,
    }

    /// <summary>Creates a constant.</summary>
    public static UncertainNumber Constant(double value)
    {
        RequireFinite(value, nameof(value));
        return new UncertainNumber(Kind.Constant, value, 0, 0);
    }

    /// <summary>Creates a normal distribution.</summary>
    public static UncertainNumber Normal(double mean, double standardDeviation)
    {
        RequireFinite(mean, nameof(mean));
        RequirePositive(standardDeviation, nameof(standardDeviation));
        return new UncertainNumber(Kind.Normal, mean, standardDeviation, 0);
    }

    /// <summary>Creates a continuous uniform distribution on [min, max].</summary>
    public static UncertainNumber Uniform(double min, double max)
    {
        RequireOrdered(min, max);
        return new UncertainNumber(Kind.Uniform, min, max, 0);
    }

    /// <summary>Creates a triangular distribution.</summary>
    public static UncertainNumber Triangular(double min, double mode, double max)
    {
        RequireOrdered(min, mode);
        RequireOrdered(mode, max);
        return new UncertainNumber(Kind.Triangular, min, max, mode);
    }

    /// <summary>
    /// Creates a PERT distribution: a beta on [min, max] with shapes 1 + 4(mode - min)/(max - min) and
    /// 1 + 4(max - mode)/(max - min), the classic three-point estimate.
    /// </summary>
    public static UncertainNumber Pert(double min, double mode, double max)
    {
        RequireOrdered(min, mode);
        RequireOrdered(mode, max);
        if (!(max > min))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "A PERT estimate needs max above min.");
        }

        return new UncertainNumber(Kind.ScaledBeta, min, max, mode);
    }

    /// <summary>Creates a beta distribution on [0, 1].</summary>
    public static UncertainNumber Beta(double alpha, double beta)
    {
        RequirePositive(alpha, nameof(alpha));
        RequirePositive(beta, nameof(beta));
        return new UncertainNumber(Kind.Beta, alpha, beta, 0);
    }

    /// <summary>Creates a log-normal distribution from the mean and standard deviation of the log.</summary>
    public static UncertainNumber LogNormal(double mu, double sigma)
    {
        RequireFinite(mu, nameof(mu));
        RequirePositive(sigma, nameof(sigma));
        return new UncertainNumber(Kind.LogNormal, mu, sigma, 0);
    }

    /// <summary>
    /// Returns the same distribution with draws clamped to [<paramref name="lower"/>, <paramref name="upper"/>],
    /// for assumptions with an allowed range such as an adoption share in [0, 1].
    /// </summary>
    public UncertainNumber WithBounds(double? lower, double? upper) =>
        new(this, lower ?? double.NegativeInfinity, upper ?? double.PositiveInfinity);

    /// <summary>Draws the value for one trial, clamped to the bounds when any are set.</summary>
    public double Sample(StableRandom random) => Math.Clamp(SampleUnbounded(random), _lower, _upper);

    private double SampleUnbounded(StableRandom random) => _kind switch
    {
        Kind.Constant => _a,
        Kind.Normal => MathNet.Numerics.Distributions.Normal.Sample(random, _a, _b),
        Kind.Uniform => ContinuousUniform.Sample(random, _a, _b),
        Kind.Triangular => _a == _b ? _a : MathNet.Numerics.Distributions.Triangular.Sample(random, _a, _b, _c),
        Kind.Beta => MathNet.Numerics.Distributions.Beta.Sample(random, _a, _b),
        Kind.LogNormal => MathNet.Numerics.Distributions.LogNormal.Sample(random, _a, _b),
        _ => SamplePert(random),
    };

    /// <summary>
    /// Whether every draw gives the same value: a constant, a uniform or triangular distribution of zero
    /// width, or bounds that meet.
    /// </summary>
    public bool IsConstant =>
        _kind == Kind.Constant || (_kind is Kind.Uniform or Kind.Triangular && _a == _b) || _lower == _upper;

    /// <summary>The mean of the distribution.</summary>
    public double Mean => _kind switch
    {
        Kind.Constant or Kind.Normal => _a,
        Kind.Uniform => (_a + _b) / 2,
        Kind.Triangular => (_a + _b + _c) / 3,
        Kind.Beta => _a / (_a + _b),
        Kind.LogNormal => Math.Exp(_a + _b * _b / 2),
        _ => (_a + 4 * _c + _b) / 6,
    };

    /// <summary>A short text of the assumption for reports, such as <c>normal(mean 0.03, sd 0.01)</c>.</summary>
    public override string ToString() => _kind switch
    {
        Kind.Constant => Format($"{_a:G6}"),
        Kind.Normal => Format($"normal(mean {_a:G6}, sd {_b:G6})"),
        Kind.Uniform => Format($"uniform({_a:G6} to {_b:G6})"),
        Kind.Triangular => Format($"triangular({_a:G6}, mode {_c:G6}, {_b:G6})"),
        Kind.Beta => Format($"beta(alpha {_a:G6}, beta {_b:G6})"),
        Kind.LogNormal => Format($"lognormal(mu {_a:G6}, sigma {_b:G6})"),
        _ => Format($"pert({_a:G6}, mode {_c:G6}, {_b:G6})"),
    };

    /// <summary>A canonical text of the distribution and its bounds, used to tell identical assumptions apart.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture, $"{_kind}({_a:R},{_b:R},{_c:R})[{_lower:R},{_upper:R}]");

    private double SamplePert(StableRandom random)
    {
        var range = _b - _a;
        var alpha = 1 + 4 * (_c - _a) / range;
        var beta = 1 + 4 * (_b - _c) / range;
        return _a + range * MathNet.Numerics.Distributions.Beta.Sample(random, alpha, beta);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be a finite number.");
        }
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be positive.");
        }
    }

    private static void RequireOrdered(double low, double high)
    {
        RequireFinite(low, nameof(low));
        RequireFinite(high, nameof(high));
        if (low > high)
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, $"{low} must not exceed {high}.");
        }
    }
}
