namespace Tokencast.Core.Quality;

/// <summary>The distribution of cost per task over Monte Carlo trials, in US dollars.</summary>
/// <param name="MeanUsd">Mean cost per task.</param>
/// <param name="P10Usd">10th percentile.</param>
/// <param name="P50Usd">Median.</param>
/// <param name="P90Usd">90th percentile.</param>
public sealed record CostPerTaskBand(double MeanUsd, double P10Usd, double P50Usd, double P90Usd);
