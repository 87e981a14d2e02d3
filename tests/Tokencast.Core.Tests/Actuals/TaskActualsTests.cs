using Tokencast.Core.Actuals;
using Tokencast.Core.Pricing;

namespace Tokencast.Core.Tests.Actuals;

public sealed class TaskActualsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FromCalls_TwoModels_Escalated()
    {
        var calls = new[]
        {
            Call("t1", Noon.AddMinutes(1), "strong", input: 100, cacheRead: 50, output: 30, cost: 0.02m),
            Call("t1", Noon, "cheap", input: 200, cacheRead: 0, output: 10, cost: 0.001m),
        };

        var task = Assert.Single(TaskActuals.FromCalls(calls));

        Assert.Equal(2, task.Calls);
        Assert.True(task.Escalated);
        Assert.Equal("strong", task.Model);
        Assert.Equal(new Tokencast.Core.Variance.TokenCounts(300, 50, 0, 40), task.Tokens);
        Assert.Equal(0.021m, task.CostUsd);
        Assert.True(task.CostKnown);
        Assert.Equal(new DateOnly(2026, 11, 2), task.Date);
    }

    [Fact]
    public void FromCalls_NoUsage_CostUnknown()
    {
        var calls = new[] { Call("t1", Noon, "cheap", 10, 0, 1, 0.5m), Call("t1", Noon, "cheap", 0, 0, 0, null) };

        var task = Assert.Single(TaskActuals.FromCalls(calls));

        Assert.False(task.CostKnown);
    }

    [Fact]
    public void FromCalls_CallWithoutTime_IsLeftOut()
    {
        var calls = new[] { Call("t1", null, "cheap", 10, 0, 1, 0.5m), Call("t2", Noon, "cheap", 10, 0, 1, 0.5m) };

        var tasks = TaskActuals.FromCalls(calls);

        Assert.Equal(1, Assert.Single(tasks).Calls);
    }

    [Fact]
    public void FromCalls_NoFeature_UsesPlaceholder()
    {
        var task = Assert.Single(TaskActuals.FromCalls([Call("t1", Noon, "cheap", 1, 0, 1, 0m) with { Feature = null }]));

        Assert.Equal(TaskActuals.NoFeature, task.Feature);
    }

    private static UsageActual Call(string task, DateTimeOffset? time, string model, long input, long cacheRead, long output, decimal? cost) => new()
    {
        SourceFile = "log.csv",
        Line = 2,
        Timestamp = time,
        Feature = "chat",
        Model = model,
        TaskId = task,
        Buckets = cost is null ? null : new UsageBuckets { UncachedInput = input, CacheRead = cacheRead, Output = output },
        EstimatedCostUsd = cost,
    };
}
