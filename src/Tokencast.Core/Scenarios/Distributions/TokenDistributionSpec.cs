using MathNet.Numerics.Distributions;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Tokens of one kind drawn per call. Parameters are stored in the standard parameterisation and were validated
/// when read, so <see cref="CreateSampler"/> does no checks.
/// </summary>
/// <param name="Kind">Distribution shape.</param>
/// <param name="Parameters">Parameters by name, as listed on each <see cref="TokenDistributionKind"/>.</param>
/// <param name="Values">Observed token counts of an empirical distribution; empty for other kinds.</param>
/// <param name="Max">Cap on a draw: larger draws are lowered to it. Null for none.</param>
/// <param name="ValuesFile">Full path of the file the empirical values came from, or null.</param>
/// <param name="Written">The distribution as written, in YAML flow style.</param>
/// <param name="Source">Location of the distribution.</param>
public sealed record TokenDistributionSpec(
    TokenDistributionKind Kind,
    IReadOnlyDictionary<string, double> Parameters,
    IReadOnlyList<double> Values,
    double? Max,
    string? ValuesFile,
    string Written,
    SourceLocation Source)
{
    /// <summary>Creates a distribution that is <paramref name="tokens"/> on every call.</summary>
    public static TokenDistributionSpec Fixed(double tokens, SourceLocation source) =>
        new(
            TokenDistributionKind.Fixed,
            new Dictionary<string, double> { ["value"] = tokens },
            [],
            null,
            null,
            $"{{fixed: {tokens.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}",
            source);

    /// <summary>
    /// Returns the token count where the Pareto tail of a <see cref="TokenDistributionKind.LogNormalPareto"/>
    /// starts: the log-normal quantile at <c>tail_from</c>. Null for other kinds.
    /// </summary>
    public double? TailThreshold => Kind == TokenDistributionKind.LogNormalPareto
        ? Math.Exp(Parameters["mu"] + Parameters["sigma"] * Normal.InvCDF(0, 1, Parameters["tail_from"]))
        : null;

    /// <summary>Creates a sampler that draws token counts from <paramref name="random"/>.</summary>
    public TokenSampler CreateSampler(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Func<double> draw = Kind switch
        {
            TokenDistributionKind.Fixed => CreateFixedDraw(),
            TokenDistributionKind.LogNormal => new LogNormal(Parameters["mu"], Parameters["sigma"], random).Sample,
            TokenDistributionKind.LogNormalPareto => CreateLogNormalParetoDraw(random),
            TokenDistributionKind.Empirical => CreateEmpiricalDraw(random),
            _ => throw new InvalidOperationException($"Unknown token distribution kind {Kind}."),
        };
        return new TokenSampler(draw, Max ?? double.PositiveInfinity);
    }

    private Func<double> CreateFixedDraw()
    {
        var tokens = Parameters["value"];
        return () => tokens;
    }

    // Inverse-CDF draw: below the tail_from quantile the log-normal quantile function, above it a Pareto with
    // scale at the threshold, so P(X > x) = (1 - tail_from) * (threshold / x)^alpha for x above the threshold.
    private Func<double> CreateLogNormalParetoDraw(Random random)
    {
        var mu = Parameters["mu"];
        var sigma = Parameters["sigma"];
        var tailFrom = Parameters["tail_from"];
        var alpha = Parameters["alpha"];
        var threshold = TailThreshold!.Value;
        return () =>
        {
            var u = random.NextDouble();
            return u < tailFrom
                ? Math.Exp(mu + sigma * Normal.InvCDF(0, 1, u))
                : threshold * Math.Pow((1 - tailFrom) / (1 - u), 1 / alpha);
        };
    }

    private Func<double> CreateEmpiricalDraw(Random random)
    {
        var values = Values;
        return () => values[random.Next(values.Count)];
    }
}
