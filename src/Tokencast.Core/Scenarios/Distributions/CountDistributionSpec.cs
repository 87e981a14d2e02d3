using Tokencast.Core.Distributions;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// A count drawn per task, such as turns or agent steps. Parameters are stored in the standard
/// parameterisation and were validated when read, so <see cref="ToDistribution"/> does no checks.
/// </summary>
/// <param name="Kind">Distribution shape.</param>
/// <param name="Parameters">Parameters by name, as listed on each <see cref="CountDistributionKind"/>.</param>
/// <param name="Min">Smallest count: smaller draws are raised to it. Null for none.</param>
/// <param name="Max">Largest count: larger draws are lowered to it. Null for none.</param>
/// <param name="Written">The distribution as written, in YAML flow style.</param>
/// <param name="Source">Location of the distribution.</param>
public sealed record CountDistributionSpec(
    CountDistributionKind Kind,
    IReadOnlyDictionary<string, double> Parameters,
    int? Min,
    int? Max,
    string Written,
    SourceLocation Source)
{
    /// <summary>Creates a distribution that is <paramref name="count"/> on every task.</summary>
    public static CountDistributionSpec Fixed(int count, SourceLocation source) =>
        new(
            CountDistributionKind.Fixed,
            new Dictionary<string, double> { ["value"] = count },
            null,
            null,
            $"{{fixed: {count}}}",
            source);

    /// <summary>Creates the engine's distribution for these parameters, clamped to <see cref="Min"/> and <see cref="Max"/>.</summary>
    public CountDistribution ToDistribution()
    {
        var min = Min ?? 0;
        var max = Max ?? int.MaxValue;
        return Kind switch
        {
            CountDistributionKind.Fixed => CountDistribution.Fixed((int)Parameters["value"]),
            CountDistributionKind.Poisson => CountDistribution.Poisson(Parameters["lambda"], min, max),
            CountDistributionKind.Geometric => CountDistribution.Geometric(1 / Parameters["p"], Math.Max(1, min), max),
            CountDistributionKind.NegativeBinomial => CountDistribution.NegativeBinomial(
                Parameters["r"] * (1 - Parameters["p"]) / Parameters["p"], Parameters["r"], min, max),
            _ => throw new InvalidOperationException($"Unknown count distribution kind {Kind}."),
        };
    }
}
