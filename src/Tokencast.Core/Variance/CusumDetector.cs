namespace Tokencast.Core.Variance;

/// <summary>
/// Finds the first shift in a feature's weekly cost per task with a two-sided tabular CUSUM on
/// standardised values.
/// </summary>
/// <remarks>
/// Each week after the baseline is standardised as z = (x - mean) / sd with the baseline's mean and
/// sample standard deviation. The upper sum is C+ = max(0, C+ + z - k) and the lower sum is
/// C- = max(0, C- - z - k), both starting at 0. The first week where either sum exceeds h is the
/// alarm. Weeks without a priced task (null cost per task) are skipped, not treated as zero.
/// </remarks>
public static class CusumDetector
{
    /// <summary>
    /// Tests one feature's weekly points, ordered by week, and returns the baseline and the first shift.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The points are not ISO weeks of one feature in ascending order, the options are out of range,
    /// or fewer priced weeks than <see cref="CusumOptions.BaselineWeeks"/> are given.
    /// </exception>
    public static CusumResult Detect(IReadOnlyList<CostPerTaskPoint> weeklyPoints, CusumOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weeklyPoints);
        options ??= new CusumOptions();
        CheckOptions(options);
        CheckPoints(weeklyPoints);

        var priced = weeklyPoints
            .Where(point => point.CostPerTaskUsd is not null)
            .Select(point => (Week: point.PeriodStart, CostUsd: point.CostPerTaskUsd!.Value))
            .ToList();
        if (priced.Count < options.BaselineWeeks)
        {
            throw new ArgumentException(
                $"The series has {priced.Count} priced weeks but the baseline needs {options.BaselineWeeks}; "
                + "pass a longer series or a smaller BaselineWeeks.",
                nameof(weeklyPoints));
        }

        var baseline = priced.Take(options.BaselineWeeks).Select(week => week.CostUsd).ToList();
        var mean = baseline.Sum() / baseline.Count;
        var standardDeviation = SampleStandardDeviation(baseline, mean);

        var monitored = priced.Skip(options.BaselineWeeks).ToList();
        var changePoint = FindFirstShift(monitored, mean, standardDeviation, options);
        return new CusumResult(mean, standardDeviation, monitored.Count, changePoint);
    }

    private static ChangePoint? FindFirstShift(
        List<(DateOnly Week, decimal CostUsd)> weeks, decimal mean, double standardDeviation, CusumOptions options)
    {
        var upper = 0.0;
        var lower = 0.0;
        var upperRunStart = 0;
        var lowerRunStart = 0;
        for (var i = 0; i < weeks.Count; i++)
        {
            var z = Standardise(weeks[i].CostUsd - mean, standardDeviation);
            upper = Math.Max(0, upper + z - options.Slack);
            lower = Math.Max(0, lower - z - options.Slack);

            // A sum at zero restarts its run, so the shift is estimated to begin the week after.
            if (upper == 0)
            {
                upperRunStart = i + 1;
            }

            if (lower == 0)
            {
                lowerRunStart = i + 1;
            }

            if (upper > options.Threshold)
            {
                return Describe(weeks, upperRunStart, i, ShiftDirection.Up, mean);
            }

            if (lower > options.Threshold)
            {
                return Describe(weeks, lowerRunStart, i, ShiftDirection.Down, mean);
            }
        }

        return null;
    }

    // A baseline without spread makes any deviation infinitely many standard deviations, so the
    // first week off the baseline level raises the alarm.
    private static double Standardise(decimal deviation, double standardDeviation) =>
        deviation == 0 ? 0 : (double)deviation / standardDeviation;

    private static ChangePoint Describe(
        List<(DateOnly Week, decimal CostUsd)> weeks, int runStart, int alarm, ShiftDirection direction, decimal mean)
    {
        var run = weeks.Skip(runStart).Take(alarm - runStart + 1).Select(week => week.CostUsd).ToList();
        return new ChangePoint(weeks[runStart].Week, weeks[alarm].Week, direction, mean, run.Sum() / run.Count);
    }

    private static double SampleStandardDeviation(List<decimal> values, decimal mean)
    {
        var sumOfSquares = values.Sum(value => (value - mean) * (value - mean));
        return Math.Sqrt((double)(sumOfSquares / (values.Count - 1)));
    }

    private static void CheckOptions(CusumOptions options)
    {
        if (options.BaselineWeeks < 2)
        {
            throw new ArgumentException(
                $"BaselineWeeks is {options.BaselineWeeks}; a standard deviation needs at least 2 weeks.",
                nameof(options));
        }

        if (!(options.Slack >= 0) || double.IsInfinity(options.Slack))
        {
            throw new ArgumentException($"Slack is {options.Slack}; use a finite value of 0 or more.", nameof(options));
        }

        if (!(options.Threshold > 0) || double.IsInfinity(options.Threshold))
        {
            throw new ArgumentException(
                $"Threshold is {options.Threshold}; use a finite value above 0.", nameof(options));
        }
    }

    private static void CheckPoints(IReadOnlyList<CostPerTaskPoint> points)
    {
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point.Period != SeriesPeriod.IsoWeek)
            {
                throw new ArgumentException(
                    $"Point {i} is a {point.Period} point; the CUSUM runs on ISO weeks only.", nameof(points));
            }

            if (i > 0 && point.Feature != points[0].Feature)
            {
                throw new ArgumentException(
                    $"Point {i} is of feature '{point.Feature}' but point 0 is of '{points[0].Feature}'; "
                    + "test one feature at a time.",
                    nameof(points));
            }

            if (i > 0 && point.PeriodStart <= points[i - 1].PeriodStart)
            {
                throw new ArgumentException(
                    $"Point {i} (week {point.PeriodStart:yyyy-MM-dd}) does not follow week "
                    + $"{points[i - 1].PeriodStart:yyyy-MM-dd}; order the points by week without repeats.",
                    nameof(points));
            }
        }
    }
}
