namespace Tokencast.Core.Forecasting;

/// <summary>Standard errors of the estimates in a <see cref="Band"/>, in the same unit.</summary>
public sealed record BandErrors(double P5, double P10, double P50, double P90, double P95, double Mean);
