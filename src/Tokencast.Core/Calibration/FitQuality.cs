namespace Tokencast.Core.Calibration;

/// <summary>How closely a fitted distribution matches the observed values.</summary>
/// <param name="KolmogorovSmirnovDistance">max |F_emp(x) − F_fit(x)| over all x.</param>
/// <param name="Quantiles">Observed and fitted quantiles at the requested probabilities.</param>
/// <param name="ObservedMean">Mean of the observed values.</param>
/// <param name="FittedMean">Mean of the fitted distribution, infinite when it has none.</param>
public sealed record FitQuality(
    double KolmogorovSmirnovDistance,
    IReadOnlyList<QuantileComparison> Quantiles,
    double ObservedMean,
    double FittedMean)
{
    /// <summary>
    /// Finds the comparison at <paramref name="probability"/>, or null when it was not computed.
    /// </summary>
    public QuantileComparison? At(double probability) =>
        Quantiles.FirstOrDefault(q => Math.Abs(q.Probability - probability) < 1e-12);
}
