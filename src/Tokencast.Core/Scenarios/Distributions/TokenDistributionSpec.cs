using MathNet.Numerics.Distributions;
using Tokencast.Core.Distributions;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Tokens of one kind drawn per call. Parameters are stored in the standard parameterisation and were validated
/// when read, so <see cref="ToDistribution"/> does no checks.
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

    /// <summary>Creates the engine's distribution for these parameters, capped at <see cref="Max"/> when set.</summary>
    public TokenDistribution ToDistribution()
    {
        var distribution = Kind switch
        {
            TokenDistributionKind.Fixed => TokenDistribution.Fixed(Parameters["value"]),
            TokenDistributionKind.LogNormal => TokenDistribution.LogNormalWithMuSigma(Parameters["mu"], Parameters["sigma"]),
            TokenDistributionKind.LogNormalPareto => TokenDistribution.LogNormalPareto(
                Parameters["mu"], Parameters["sigma"], Parameters["tail_from"], Parameters["alpha"]),
            TokenDistributionKind.Empirical => TokenDistribution.Empirical(Values),
            _ => throw new InvalidOperationException($"Unknown token distribution kind {Kind}."),
        };

        return Max is null ? distribution : distribution.WithMax(Max);
    }
}
