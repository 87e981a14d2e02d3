namespace Tokencast.Core.Variance;

/// <summary>
/// Outcome of a tabular CUSUM test on one feature's weekly cost per task.
/// </summary>
/// <param name="BaselineCostPerTaskUsd">Mean cost per task over the baseline weeks.</param>
/// <param name="BaselineStandardDeviationUsd">Sample standard deviation (n - 1) over the baseline weeks.</param>
/// <param name="WeeksMonitored">Priced weeks after the baseline that the test examined.</param>
/// <param name="ChangePoint">The first shift found, or null when no sum crossed the threshold.</param>
public sealed record CusumResult(
    decimal BaselineCostPerTaskUsd,
    double BaselineStandardDeviationUsd,
    int WeeksMonitored,
    ChangePoint? ChangePoint);
