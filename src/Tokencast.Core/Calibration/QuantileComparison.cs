namespace Tokencast.Core.Calibration;

/// <summary>Observed and fitted quantile at one probability.</summary>
/// <param name="Probability">Probability, such as 0.99.</param>
/// <param name="Observed">Empirical quantile (R7) of the observed values.</param>
/// <param name="Fitted">Quantile of the fitted distribution.</param>
public sealed record QuantileComparison(double Probability, double Observed, double Fitted)
{
    /// <summary>(Fitted − Observed) / Observed, or 0 when both are 0.</summary>
    public double RelativeError =>
        Observed == 0 ? (Fitted == 0 ? 0 : double.PositiveInfinity) : (Fitted - Observed) / Observed;
}
