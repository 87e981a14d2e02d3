namespace Tokencast.Core.Variance;

/// <summary>
/// Groups task actuals into cost per task series, one per feature, by ISO week or calendar month.
/// </summary>
public static class CostPerTaskSeries
{
    /// <summary>
    /// Builds one point per feature and period that has at least one task, ordered by feature
    /// (ordinal string order) and then by period start. Periods without tasks are left out.
    /// </summary>
    public static IReadOnlyList<CostPerTaskPoint> Build(IEnumerable<TaskActual> tasks, SeriesPeriod period)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (!Enum.IsDefined(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown series period.");
        }

        return tasks
            .GroupBy(task => (task.Feature, Start: StartOf(task.Date, period)))
            .OrderBy(group => group.Key.Feature, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Start)
            .Select(group => Summarise(group.Key.Feature, period, group.Key.Start, group.ToList()))
            .ToList();
    }

    /// <summary>Returns the Monday of the ISO week or the first day of the month that contains a date.</summary>
    public static DateOnly StartOf(DateOnly date, SeriesPeriod period) => period switch
    {
        // DayOfWeek counts from Sunday = 0, so Monday is 0 days back and Sunday 6.
        SeriesPeriod.IsoWeek => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        SeriesPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown series period."),
    };

    private static CostPerTaskPoint Summarise(
        string feature, SeriesPeriod period, DateOnly start, List<TaskActual> tasks)
    {
        var tokens = default(TokenCounts);
        long calls = 0;
        var escalated = 0;
        var unknownCost = 0;
        var knownCostUsd = 0m;
        foreach (var task in tasks)
        {
            tokens += task.Tokens;
            calls += task.Calls;
            if (task.Escalated)
            {
                escalated++;
            }

            if (task.CostKnown)
            {
                knownCostUsd += task.CostUsd;
            }
            else
            {
                unknownCost++;
            }
        }

        decimal count = tasks.Count;
        var knownCount = tasks.Count - unknownCost;
        return new CostPerTaskPoint(
            feature,
            period,
            start,
            tasks.Count,
            unknownCost,
            calls / count,
            TokenAmounts.Mean(tokens, count),
            knownCostUsd,
            knownCount == 0 ? null : knownCostUsd / knownCount,
            tokens.Input == 0 ? null : (decimal)tokens.CacheRead / tokens.Input,
            escalated / count);
    }
}
