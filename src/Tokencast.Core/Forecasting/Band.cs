namespace Tokencast.Core.Forecasting;

/// <summary>
/// The distribution of a quantity over Monte Carlo trials: percentiles (R-7 linear interpolation, the
/// default of R and NumPy), the mean, and the standard error of each estimate.
/// </summary>
public sealed record Band(
    double P5,
    double P10,
    double P50,
    double P90,
    double P95,
    double Mean,
    BandErrors StandardErrors);
