using Tokencast.Core.Distributions;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// A number that is either constant or drawn once per Monte Carlo trial from a named distribution. Parameters
/// are stored in the standard parameterisation (log-normal as mu and sigma) and were validated when read.
/// </summary>
/// <param name="Kind">Distribution shape.</param>
/// <param name="Parameters">Parameters by name, as listed on each <see cref="UncertainDistributionKind"/>.</param>
/// <param name="LowerBound">Smallest value a draw may take; draws below are raised to it. Null for none.</param>
/// <param name="UpperBound">Largest value a draw may take; draws above are lowered to it. Null for none.</param>
/// <param name="Written">The value as written, in YAML flow style.</param>
/// <param name="Source">Location of the value.</param>
public sealed record UncertainValue(
    UncertainDistributionKind Kind,
    IReadOnlyDictionary<string, double> Parameters,
    double? LowerBound,
    double? UpperBound,
    string Written,
    SourceLocation Source)
{
    /// <summary>Returns whether the value is a plain number.</summary>
    public bool IsConstant => Kind == UncertainDistributionKind.Constant;

    /// <summary>Creates a constant value.</summary>
    public static UncertainValue Constant(double value, SourceLocation source) =>
        new(
            UncertainDistributionKind.Constant,
            new Dictionary<string, double> { ["value"] = value },
            null,
            null,
            value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            source);

    /// <summary>The mean of the distribution (the value itself for a constant).</summary>
    public double Mean => ToUncertainNumber().Mean;

    /// <summary>Creates the engine's per-trial distribution for these parameters, clamped to the bounds.</summary>
    public UncertainNumber ToUncertainNumber() => Unbounded().WithBounds(LowerBound, UpperBound);

    private UncertainNumber Unbounded() => Kind switch
    {
        UncertainDistributionKind.Constant => UncertainNumber.Constant(Parameters["value"]),
        UncertainDistributionKind.Normal => UncertainNumber.Normal(Parameters["mean"], Parameters["sd"]),
        UncertainDistributionKind.Uniform => UncertainNumber.Uniform(Parameters["min"], Parameters["max"]),
        UncertainDistributionKind.Triangular =>
            UncertainNumber.Triangular(Parameters["min"], Parameters["mode"], Parameters["max"]),
        UncertainDistributionKind.Pert => UncertainNumber.Pert(Parameters["min"], Parameters["mode"], Parameters["max"]),
        UncertainDistributionKind.LogNormal => UncertainNumber.LogNormal(Parameters["mu"], Parameters["sigma"]),
        UncertainDistributionKind.Beta => UncertainNumber.Beta(Parameters["alpha"], Parameters["beta"]),
        _ => throw new InvalidOperationException($"Unknown uncertain value kind {Kind}."),
    };
}
