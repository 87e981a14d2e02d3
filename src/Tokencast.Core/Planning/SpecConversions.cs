using Tokencast.Core.Distributions;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Planning;

/// <summary>Turns the distribution specs of a scenario file into the engine's distributions.</summary>
internal static class SpecConversions
{
    public static TokenDistribution ToDistribution(this TokenDistributionSpec spec)
    {
        var p = spec.Parameters;
        var distribution = spec.Kind switch
        {
            TokenDistributionKind.Fixed => TokenDistribution.Fixed(p["value"]),
            TokenDistributionKind.LogNormal => TokenDistribution.LogNormalWithMuSigma(p["mu"], p["sigma"]),
            TokenDistributionKind.LogNormalPareto =>
                TokenDistribution.LogNormalPareto(p["mu"], p["sigma"], p["tail_from"], p["alpha"]),
            TokenDistributionKind.Empirical => TokenDistribution.Empirical(spec.Values),
            _ => throw new InvalidOperationException($"Unknown token distribution kind {spec.Kind}."),
        };

        return spec.Max is null ? distribution : distribution.WithMax(spec.Max);
    }

    public static CountDistribution ToDistribution(this CountDistributionSpec spec)
    {
        var p = spec.Parameters;
        var min = spec.Min ?? 0;
        var max = spec.Max ?? int.MaxValue;
        return spec.Kind switch
        {
            CountDistributionKind.Fixed => CountDistribution.Fixed((int)p["value"]),
            CountDistributionKind.Poisson => CountDistribution.Poisson(p["lambda"], min, max),
            CountDistributionKind.Geometric => CountDistribution.Geometric(1 / p["p"], Math.Max(1, min), max),
            CountDistributionKind.NegativeBinomial =>
                CountDistribution.NegativeBinomial(p["r"] * (1 - p["p"]) / p["p"], p["r"], min, max),
            _ => throw new InvalidOperationException($"Unknown count distribution kind {spec.Kind}."),
        };
    }

    public static UncertainNumber ToUncertainNumber(this UncertainValue value)
    {
        var p = value.Parameters;
        return value.Kind switch
        {
            UncertainDistributionKind.Constant => UncertainNumber.Constant(p["value"]),
            UncertainDistributionKind.Normal => UncertainNumber.Normal(p["mean"], p["sd"]),
            UncertainDistributionKind.Uniform => UncertainNumber.Uniform(p["min"], p["max"]),
            UncertainDistributionKind.Triangular => UncertainNumber.Triangular(p["min"], p["mode"], p["max"]),
            UncertainDistributionKind.Pert => UncertainNumber.Pert(p["min"], p["mode"], p["max"]),
            UncertainDistributionKind.LogNormal => UncertainNumber.LogNormal(p["mu"], p["sigma"]),
            UncertainDistributionKind.Beta => UncertainNumber.Beta(p["alpha"], p["beta"]),
            _ => throw new InvalidOperationException($"Unknown uncertain value kind {value.Kind}."),
        };
    }
}
