namespace Tokencast.Core.Forecasting;

/// <summary>Standard errors of the estimates in a <see cref="Band"/>, in the same unit.</summary>
public sealed record BandErrors(double P5, double P10, double P50, double P90, double P95, double Mean)
{
    /// <summary>Returns the largest standard error relative to its estimate, or 0 when all estimates are 0.</summary>
    public double MaxRelativeTo(Band band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return new[]
        {
            Relative(P5, band.P5), Relative(P10, band.P10), Relative(P50, band.P50),
            Relative(P90, band.P90), Relative(P95, band.P95), Relative(Mean, band.Mean),
        }.Max();
    }

    private static double Relative(double error, double estimate) => estimate == 0 ? 0 : error / Math.Abs(estimate);
}
