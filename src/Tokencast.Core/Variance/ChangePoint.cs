namespace Tokencast.Core.Variance;

/// <summary>
/// A shift in weekly cost per task found by the tabular CUSUM.
/// </summary>
/// <param name="ChangeWeek">
/// Estimated first week at the new level: the week after the cumulative sum was last zero before
/// the alarm.
/// </param>
/// <param name="AlarmWeek">Week whose cumulative sum first exceeded the threshold.</param>
/// <param name="Direction">Whether cost per task rose or fell.</param>
/// <param name="BaselineCostPerTaskUsd">Mean cost per task over the baseline weeks.</param>
/// <param name="NewCostPerTaskUsd">
/// Mean of the weekly cost per task from <paramref name="ChangeWeek"/> to <paramref name="AlarmWeek"/>,
/// both included, weighting each week equally.
/// </param>
public sealed record ChangePoint(
    DateOnly ChangeWeek,
    DateOnly AlarmWeek,
    ShiftDirection Direction,
    decimal BaselineCostPerTaskUsd,
    decimal NewCostPerTaskUsd);
