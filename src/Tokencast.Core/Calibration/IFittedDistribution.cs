namespace Tokencast.Core.Calibration;

/// <summary>
/// Distribution of token counts per request, fitted to observed values.
/// </summary>
public interface IFittedDistribution
{
    /// <summary>Key of this form in a scenario file, such as <c>lognormal</c>.</summary>
    string Name { get; }

    /// <summary>Mean of the distribution, or positive infinity when it has none.</summary>
    double Mean { get; }

    /// <summary>Computes P(X ≤ <paramref name="x"/>).</summary>
    double CumulativeDistribution(double x);

    /// <summary>Computes the smallest x with P(X ≤ x) ≥ <paramref name="probability"/>.</summary>
    double InverseCumulativeDistribution(double probability);
}
