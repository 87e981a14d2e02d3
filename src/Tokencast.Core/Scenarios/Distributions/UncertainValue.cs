using MathNet.Numerics.Distributions;

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

    /// <summary>Returns the mean of the value before bounds are applied.</summary>
    public double Mean => IsConstant ? Parameters["value"] : CreateDistribution(new Random(0)).Mean;

    /// <summary>
    /// Creates the MathNet.Numerics distribution of a non-constant value, drawing from
    /// <paramref name="random"/>. Draws from it are not bounded; use <see cref="Draw"/> for bounded draws.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is a constant.</exception>
    public IContinuousDistribution CreateDistribution(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Kind switch
        {
            UncertainDistributionKind.Normal => new Normal(Parameters["mean"], Parameters["sd"], random),
            UncertainDistributionKind.Uniform => new ContinuousUniform(Parameters["min"], Parameters["max"], random),
            UncertainDistributionKind.Triangular =>
                new Triangular(Parameters["min"], Parameters["max"], Parameters["mode"], random),
            UncertainDistributionKind.Pert =>
                BetaScaled.PERT(Parameters["min"], Parameters["max"], Parameters["mode"], random),
            UncertainDistributionKind.LogNormal => new LogNormal(Parameters["mu"], Parameters["sigma"], random),
            UncertainDistributionKind.Beta => new Beta(Parameters["alpha"], Parameters["beta"], random),
            _ => throw new InvalidOperationException($"A {Kind} value has no distribution; read its value."),
        };
    }

    /// <summary>Draws the value for one trial, kept within the bounds.</summary>
    public double Draw(Random random)
    {
        var value = IsConstant ? Parameters["value"] : CreateDistribution(random).Sample();
        if (LowerBound is { } lower && value < lower)
        {
            value = lower;
        }

        if (UpperBound is { } upper && value > upper)
        {
            value = upper;
        }

        return value;
    }
}
