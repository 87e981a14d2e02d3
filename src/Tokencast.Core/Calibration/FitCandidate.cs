namespace Tokencast.Core.Calibration;

/// <summary>One distribution fitted to a token column, with its fit quality.</summary>
/// <param name="Distribution">The fitted distribution.</param>
/// <param name="Quality">Fit quality against the positive observed values.</param>
/// <param name="Score">
/// KS distance plus |relative error of the p99 quantile|; lower is better. Zero for the empirical
/// distribution, which matches its own sample by construction.
/// </param>
public sealed record FitCandidate(IFittedDistribution Distribution, FitQuality Quality, double Score);
