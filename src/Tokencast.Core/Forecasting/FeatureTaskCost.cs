namespace Tokencast.Core.Forecasting;

/// <summary>
/// Cost per task of one feature in one month: the distribution of a single task's cost under the task
/// model in effect (weighted by days when the model changes within the month), and the band of tasks.
/// </summary>
/// <param name="Feature">Feature id.</param>
/// <param name="Month">First day of the month.</param>
/// <param name="MeanUsd">Mean cost per task.</param>
/// <param name="MedianUsd">Median cost of one task.</param>
/// <param name="P90Usd">90th percentile cost of one task.</param>
/// <param name="P99Usd">99th percentile cost of one task.</param>
/// <param name="MeanRelativeStandardError">Sampling error of <paramref name="MeanUsd"/>, relative to it.</param>
/// <param name="Tasks">Expected tasks in the month over trials.</param>
public sealed record FeatureTaskCost(
    string Feature,
    DateOnly Month,
    double MeanUsd,
    double MedianUsd,
    double P90Usd,
    double P99Usd,
    double MeanRelativeStandardError,
    Band Tasks);
