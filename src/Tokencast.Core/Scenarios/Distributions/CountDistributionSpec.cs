using MathNet.Numerics.Distributions;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// A count drawn per task, such as turns or agent steps. Parameters are stored in the standard
/// parameterisation and were validated when read, so <see cref="CreateSampler"/> does no checks.
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

    /// <summary>Creates a sampler that draws counts from <paramref name="random"/>.</summary>
    public CountSampler CreateSampler(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Func<int> draw = Kind switch
        {
            CountDistributionKind.Fixed => CreateFixedDraw(),
            CountDistributionKind.Poisson => new Poisson(Parameters["lambda"], random).Sample,
            CountDistributionKind.Geometric => new Geometric(Parameters["p"], random).Sample,
            CountDistributionKind.NegativeBinomial =>
                new NegativeBinomial(Parameters["r"], Parameters["p"], random).Sample,
            _ => throw new InvalidOperationException($"Unknown count distribution kind {Kind}."),
        };
        return new CountSampler(draw, Min ?? int.MinValue, Max ?? int.MaxValue);
    }

    private Func<int> CreateFixedDraw()
    {
        var count = (int)Parameters["value"];
        return () => count;
    }
}
