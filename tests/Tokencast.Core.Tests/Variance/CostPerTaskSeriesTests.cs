using Tokencast.Core.Variance;

namespace Tokencast.Core.Tests.Variance;

public class CostPerTaskSeriesTests
{
    private static TaskActual Task(
        string feature,
        string date,
        decimal costUsd,
        bool costKnown = true,
        int calls = 1,
        bool escalated = false,
        TokenCounts tokens = default) =>
        new(feature, DateOnly.Parse(date), calls, "model-a", escalated, tokens, costUsd, costKnown);

    [Theory]
    // 2025-01-01 is a Wednesday, so its ISO week starts on Monday 2024-12-30.
    [InlineData("2025-01-01", "2024-12-30")]
    [InlineData("2025-01-05", "2024-12-30")] // Sunday ends the same week.
    [InlineData("2025-01-06", "2025-01-06")] // Monday starts its own week.
    public void StartOf_IsoWeek_ReturnsMonday(string date, string expected)
    {
        var start = CostPerTaskSeries.StartOf(DateOnly.Parse(date), SeriesPeriod.IsoWeek);

        Assert.Equal(DateOnly.Parse(expected), start);
    }

    [Fact]
    public void StartOf_Month_ReturnsFirstDay()
    {
        var start = CostPerTaskSeries.StartOf(new DateOnly(2025, 2, 28), SeriesPeriod.Month);

        Assert.Equal(new DateOnly(2025, 2, 1), start);
    }

    [Fact]
    public void Build_UnknownCost_ExcludedFromMean()
    {
        // Known costs 0.10 and 0.20 over 2 known tasks: 0.15. The unknown task's 0 must not count.
        var tasks = new[]
        {
            Task("chat", "2025-03-03", 0.10m),
            Task("chat", "2025-03-04", 0.20m),
            Task("chat", "2025-03-05", 0m, costKnown: false),
        };

        var point = Assert.Single(CostPerTaskSeries.Build(tasks, SeriesPeriod.IsoWeek));

        Assert.Equal(0.15m, point.CostPerTaskUsd);
        Assert.Equal(3, point.Tasks);
        Assert.Equal(1, point.TasksWithUnknownCost);
        Assert.Equal(2, point.TasksWithKnownCost);
        Assert.Equal(0.30m, point.KnownCostUsd);
    }

    [Fact]
    public void Build_AllCostsUnknown_CostPerTaskNull()
    {
        var tasks = new[] { Task("chat", "2025-03-03", 0m, costKnown: false) };

        var point = Assert.Single(CostPerTaskSeries.Build(tasks, SeriesPeriod.IsoWeek));

        Assert.Null(point.CostPerTaskUsd);
    }

    [Fact]
    public void Build_MixedTasks_MeansPerTask()
    {
        // Two tasks: calls (1 + 3) / 2 = 2; escalations 1 / 2 = 0.5.
        // Tokens summed: uncached 100 + 300 = 400, read 300 + 100 = 400, write 100 + 100 = 200,
        // output 50 + 150 = 200. Per task: 200, 200, 100, 100.
        // Cache hit rate: read 400 / input (400 + 400 + 200) = 0.4.
        var tasks = new[]
        {
            Task("agent", "2025-03-03", 1m, calls: 1, tokens: new TokenCounts(100, 300, 100, 50)),
            Task("agent", "2025-03-09", 1m, calls: 3, escalated: true, tokens: new TokenCounts(300, 100, 100, 150)),
        };

        var point = Assert.Single(CostPerTaskSeries.Build(tasks, SeriesPeriod.IsoWeek));

        Assert.Equal(2m, point.CallsPerTask);
        Assert.Equal(0.5m, point.EscalationRate);
        Assert.Equal(0.4m, point.CacheHitRate);
        Assert.Equal(new TokenAmounts(200m, 200m, 100m, 100m), point.TokensPerTask);
    }

    [Fact]
    public void Build_NoInputTokens_CacheHitRateNull()
    {
        var tasks = new[] { Task("chat", "2025-03-03", 1m, tokens: new TokenCounts(0, 0, 0, 10)) };

        var point = Assert.Single(CostPerTaskSeries.Build(tasks, SeriesPeriod.IsoWeek));

        Assert.Null(point.CacheHitRate);
    }

    [Fact]
    public void Build_UnorderedInput_OrdersByFeatureThenPeriod()
    {
        var tasks = new[]
        {
            Task("search", "2025-03-12", 1m),
            Task("chat", "2025-03-12", 1m),
            Task("search", "2025-03-03", 1m),
            Task("chat", "2025-03-03", 1m),
        };

        var points = CostPerTaskSeries.Build(tasks, SeriesPeriod.IsoWeek);

        Assert.Equal(
            new[] { ("chat", "2025-03-03"), ("chat", "2025-03-10"), ("search", "2025-03-03"), ("search", "2025-03-10") },
            points.Select(p => (p.Feature, p.PeriodStart.ToString("yyyy-MM-dd"))).ToArray());
    }

    [Fact]
    public void Build_Month_GroupsWeeksOfOneMonth()
    {
        // 2025-03-31 (Monday) and 2025-04-01 share an ISO week but not a month.
        var tasks = new[]
        {
            Task("chat", "2025-03-02", 0.10m),
            Task("chat", "2025-03-31", 0.30m),
            Task("chat", "2025-04-01", 0.50m),
        };

        var months = CostPerTaskSeries.Build(tasks, SeriesPeriod.Month);
        var weeks = CostPerTaskSeries.Build(tasks, SeriesPeriod.IsoWeek);

        Assert.Equal(2, months.Count);
        Assert.Equal(0.20m, months[0].CostPerTaskUsd);
        Assert.Equal(0.50m, months[1].CostPerTaskUsd);
        Assert.Equal(2, weeks.Count);
        Assert.Equal(0.40m, weeks[1].CostPerTaskUsd);
    }
}
