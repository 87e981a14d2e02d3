namespace Tokencast.Core.Variance;

/// <summary>
/// Unit cost figures of one feature in one week or month.
/// </summary>
/// <remarks>
/// Means are decimal quotients, so they carry decimal's 28 to 29 significant digits and no other
/// rounding. Round them only for display.
/// </remarks>
/// <param name="Feature">Feature the tasks belong to.</param>
/// <param name="Period">Whether this point is an ISO week or a calendar month.</param>
/// <param name="PeriodStart">Monday of the ISO week, or first day of the month.</param>
/// <param name="Tasks">All tasks in the period, priced or not.</param>
/// <param name="TasksWithUnknownCost">Tasks with at least one unpriced call.</param>
/// <param name="CallsPerTask">Mean calls per task over all tasks.</param>
/// <param name="TokensPerTask">Mean tokens per task by bucket over all tasks.</param>
/// <param name="KnownCostUsd">Summed cost of the tasks with a known cost.</param>
/// <param name="CostPerTaskUsd">
/// <paramref name="KnownCostUsd"/> divided by the tasks with a known cost, or null when no task has one.
/// Tasks with unknown cost are left out, never counted as zero.
/// </param>
/// <param name="CacheHitRate">
/// Cache-read tokens divided by all input tokens (uncached, cache read, cache write), or null when
/// the period has no input tokens.
/// </param>
/// <param name="EscalationRate">Share of tasks that used more than one model tier.</param>
public sealed record CostPerTaskPoint(
    string Feature,
    SeriesPeriod Period,
    DateOnly PeriodStart,
    int Tasks,
    int TasksWithUnknownCost,
    decimal CallsPerTask,
    TokenAmounts TokensPerTask,
    decimal KnownCostUsd,
    decimal? CostPerTaskUsd,
    decimal? CacheHitRate,
    decimal EscalationRate)
{
    /// <summary>Tasks whose cost is known and enters <see cref="CostPerTaskUsd"/>.</summary>
    public int TasksWithKnownCost => Tasks - TasksWithUnknownCost;
}
