using Tokencast.Core.Randomness;
using Tokencast.Core.Variance;

namespace Tokencast.Core.Tests.Variance;

public class CusumDetectorTests
{
    // Baseline 11, 9, 10, 11, 9: mean 10, squared deviations 1 + 1 + 0 + 1 + 1 = 4, sample variance
    // 4 / (5 - 1) = 1, so each dollar away from 10 is one standard deviation. The hand-worked cases
    // use k = 0.5 and h = 5.
    private static readonly decimal[] Baseline = [11m, 9m, 10m, 11m, 9m];

    private static readonly CusumOptions FiveWeekBaseline = new() { BaselineWeeks = 5, Threshold = 5 };

    private static readonly DateOnly FirstMonday = new(2025, 1, 6);

    private static List<CostPerTaskPoint> Weeks(IEnumerable<decimal?> costs) =>
        costs.Select((cost, i) => new CostPerTaskPoint(
                "agent",
                SeriesPeriod.IsoWeek,
                FirstMonday.AddDays(7 * i),
                Tasks: 10,
                TasksWithUnknownCost: cost is null ? 10 : 0,
                CallsPerTask: 1m,
                TokensPerTask: default,
                KnownCostUsd: cost is null ? 0m : cost.Value * 10,
                CostPerTaskUsd: cost,
                CacheHitRate: null,
                EscalationRate: 0m))
            .ToList();

    private static DateOnly Week(int index) => FirstMonday.AddDays(7 * index);

    [Fact]
    public void Detect_StepUp_FoundAtThirdShiftedWeek()
    {
        // Weeks 5-7 stay at 10 (z = 0). From week 8 the cost is 13 (z = 3), so C+ grows by
        // 3 - 0.5 = 2.5 a week: 2.5, 5.0, 7.5. Only 7.5 exceeds h = 5, at week 10.
        decimal?[] costs = [.. Baseline, 10m, 10m, 10m, 13m, 13m, 13m, 13m];

        var result = CusumDetector.Detect(Weeks(costs), FiveWeekBaseline);

        var change = Assert.IsType<ChangePoint>(result.ChangePoint);
        Assert.Equal(ShiftDirection.Up, change.Direction);
        Assert.Equal(Week(8), change.ChangeWeek);
        Assert.Equal(Week(10), change.AlarmWeek);
        Assert.Equal(10m, change.BaselineCostPerTaskUsd);
        Assert.Equal(13m, change.NewCostPerTaskUsd);
        Assert.Equal(1.0, result.BaselineStandardDeviationUsd);
    }

    [Fact]
    public void Detect_StepDown_FoundWithDirectionDown()
    {
        // Cost 7 is z = -3, so C- grows 2.5, 5.0, 7.5 and alarms at the third week, week 7.
        decimal?[] costs = [.. Baseline, 7m, 7m, 7m, 7m];

        var result = CusumDetector.Detect(Weeks(costs), FiveWeekBaseline);

        var change = Assert.IsType<ChangePoint>(result.ChangePoint);
        Assert.Equal(ShiftDirection.Down, change.Direction);
        Assert.Equal(Week(5), change.ChangeWeek);
        Assert.Equal(Week(7), change.AlarmWeek);
        Assert.Equal(7m, change.NewCostPerTaskUsd);
    }

    [Fact]
    public void Detect_SlowDrift_FoundAfterSumAccumulates()
    {
        // Cost rises 0.5 a week after the baseline: 10.5, 11, 11.5, ... so z = 0.5 j for j = 1, 2, ...
        // C+ adds 0.5 j - 0.5: 0, 0.5, 1.5, 3.0, 5.0, 7.5. The sum is last zero at j = 1 (week 5),
        // so the change is dated week 6 (j = 2) and the alarm is at j = 6 (week 10).
        // New level: mean of 11, 11.5, 12, 12.5, 13 = 12.
        var drift = Enumerable.Range(1, 10).Select(j => (decimal?)(10m + 0.5m * j));
        decimal?[] costs = [.. Baseline, .. drift];

        var result = CusumDetector.Detect(Weeks(costs), FiveWeekBaseline);

        var change = Assert.IsType<ChangePoint>(result.ChangePoint);
        Assert.Equal(ShiftDirection.Up, change.Direction);
        Assert.Equal(Week(6), change.ChangeWeek);
        Assert.Equal(Week(10), change.AlarmWeek);
        Assert.Equal(12m, change.NewCostPerTaskUsd);
    }

    [Fact]
    public void Detect_FlatNoisySeries_NoAlarm()
    {
        // 38 weeks of 2.00 USD plus normal noise with a 0.10 USD standard deviation, fixed seed.
        var result = CusumDetector.Detect(Weeks(FlatNoisyCosts(new StableRandom(20250106), 38)));

        Assert.Null(result.ChangePoint);
        Assert.Equal(26, result.WeeksMonitored);
    }

    [Fact]
    public void Detect_ManyFlatSeries_FewFalseAlarms()
    {
        // With the defaults (12 baseline weeks, k = 0.5, h = 8) a simulation of 4,000 such series
        // gave about 10 % false alarms over 26 monitored weeks, so 15 % leaves room for sampling
        // error on 2,000 series (standard error about 0.7 %).
        var random = new StableRandom(7);
        var alarms = 0;
        const int SeriesCount = 2_000;
        for (var i = 0; i < SeriesCount; i++)
        {
            var result = CusumDetector.Detect(Weeks(FlatNoisyCosts(random, 38)));
            if (result.ChangePoint is not null)
            {
                alarms++;
            }
        }

        Assert.InRange(alarms / (double)SeriesCount, 0.0, 0.15);
    }

    private static IEnumerable<decimal?> FlatNoisyCosts(StableRandom random, int weeks)
    {
        var noise = new double[weeks];
        StandardNormal.Fill(random, noise);
        return noise.Select(z => (decimal?)Math.Round(2m + 0.10m * (decimal)z, 6));
    }

    [Fact]
    public void Detect_UnpricedWeek_Skipped()
    {
        // The null week is left out, so the three 13s are still consecutive monitored weeks and the
        // alarm is at the third of them, week 8.
        decimal?[] costs = [.. Baseline, 13m, null, 13m, 13m];

        var result = CusumDetector.Detect(Weeks(costs), FiveWeekBaseline);

        var change = Assert.IsType<ChangePoint>(result.ChangePoint);
        Assert.Equal(Week(8), change.AlarmWeek);
        Assert.Equal(3, result.WeeksMonitored);
    }

    [Fact]
    public void Detect_FlatBaselineThenChange_AlarmsAtOnce()
    {
        // A baseline without spread has sd = 0, so any change is an infinite z.
        decimal?[] costs = [5m, 5m, 5m, 5.01m];

        var result = CusumDetector.Detect(Weeks(costs), new CusumOptions { BaselineWeeks = 3 });

        var change = Assert.IsType<ChangePoint>(result.ChangePoint);
        Assert.Equal(Week(3), change.AlarmWeek);
    }

    [Fact]
    public void Detect_TooFewPricedWeeks_Throws()
    {
        decimal?[] costs = [10m, null, 11m];

        var error = Assert.Throws<ArgumentException>(() => CusumDetector.Detect(Weeks(costs), FiveWeekBaseline));

        Assert.Contains("2 priced weeks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_UnorderedWeeks_Throws()
    {
        var points = Weeks([10m, 11m, 12m]);
        points.Reverse();

        Assert.Throws<ArgumentException>(() => CusumDetector.Detect(points, new CusumOptions { BaselineWeeks = 2 }));
    }
}
