namespace Tokencast.Host;

/// <summary>The change in horizon spend at three percentiles, after minus before, in USD.</summary>
/// <param name="P10">Change of the 10th percentile.</param>
/// <param name="P50">Change of the median.</param>
/// <param name="P90">Change of the 90th percentile.</param>
public sealed record SpendChange(double P10, double P50, double P90);
