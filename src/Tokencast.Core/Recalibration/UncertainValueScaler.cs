using System.Globalization;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Recalibration;

/// <summary>Writes an uncertain number multiplied by a positive factor, in YAML flow style.</summary>
internal static class UncertainValueScaler
{
    /// <summary>
    /// Returns the value of <c>factor * X</c>, keeping the distribution's shape: location and scale
    /// parameters are multiplied, and a log-normal's <c>mu</c> is shifted by ln(factor). A beta on [0, 1]
    /// cannot be scaled, so it becomes its scaled mean.
    /// </summary>
    public static string Scale(UncertainValue value, double factor)
    {
        var p = value.Parameters;
        return value.Kind switch
        {
            UncertainDistributionKind.Constant => Number(p["value"] * factor),
            UncertainDistributionKind.Normal =>
                $"{{normal: {{mean: {Number(p["mean"] * factor)}, sd: {Number(p["sd"] * factor)}}}}}",
            UncertainDistributionKind.Uniform =>
                $"{{uniform: {{min: {Number(p["min"] * factor)}, max: {Number(p["max"] * factor)}}}}}",
            UncertainDistributionKind.Triangular => ThreePoint("triangular", p, factor),
            UncertainDistributionKind.Pert => ThreePoint("pert", p, factor),
            UncertainDistributionKind.LogNormal =>
                $"{{lognormal: {{mu: {Number(p["mu"] + Math.Log(factor))}, sigma: {Number(p["sigma"])}}}}}",
            _ => Number(value.Mean * factor),
        };
    }

    /// <summary>Formats a number with at most four decimals and no group separators.</summary>
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string ThreePoint(string name, IReadOnlyDictionary<string, double> p, double factor) =>
        $"{{{name}: {{min: {Number(p["min"] * factor)}, mode: {Number(p["mode"] * factor)}, "
        + $"max: {Number(p["max"] * factor)}}}}}";
}
