using System.Collections.Immutable;
using Orleans.TestingHost;

namespace Tokencast.Grains.Tests;

/// <summary>
/// Tests of the run index on one shared silo. Each test uses an index grain of its own key, so tests do
/// not see each other's runs.
/// </summary>
public class RunIndexGrainTests(RunIndexGrainTests.SiloFixture silo)
    : IClassFixture<RunIndexGrainTests.SiloFixture>
{
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Admit_MaxRunningReached_RejectsUntilOneFinishes()
    {
        var index = Index();

        var first = await index.Admit(Entry("a", 0), maxRunning: 2);
        var second = await index.Admit(Entry("b", 1), maxRunning: 2);
        var third = await index.Admit(Entry("c", 2), maxRunning: 2);
        await index.Finished("a", RunState.Completed, null);
        var retried = await index.Admit(Entry("c", 3), maxRunning: 2);

        Assert.Equal(new RunAdmission(true, 1), first);
        Assert.Equal(new RunAdmission(true, 2), second);
        Assert.Equal(new RunAdmission(false, 2), third);
        Assert.Equal(new RunAdmission(true, 2), retried);
    }

    [Fact]
    public async Task Admit_RejectedRun_IsNotListed()
    {
        var index = Index();

        await index.Admit(Entry("a", 0), maxRunning: 1);
        await index.Admit(Entry("b", 1), maxRunning: 1);

        Assert.Equal(["a"], (await index.List(10)).Select(entry => entry.RunId));
    }

    [Fact]
    public async Task Admit_SameRunAgain_DoesNotCountItself()
    {
        var index = Index();

        await index.Admit(Entry("a", 0), maxRunning: 1);
        var again = await index.Admit(Entry("a", 1), maxRunning: 1);

        Assert.Equal(new RunAdmission(true, 1), again);
        Assert.Single(await index.List(10));
    }

    [Fact]
    public async Task Admit_FinishedRunAgain_MarksItRunning()
    {
        var index = Index();
        await index.Admit(Entry("a", 0), maxRunning: 1);
        await index.Finished("a", RunState.Cancelled, null);

        await index.Admit(Entry("a", 1), maxRunning: 1);

        var entry = Assert.Single(await index.List(10));
        Assert.Equal(RunState.Running, entry.State);
        Assert.Equal(Start.AddMinutes(1), entry.StartedAt);
    }

    [Fact]
    public async Task List_SeveralRuns_ReturnsNewestFirst()
    {
        var index = Index();
        await index.Admit(Entry("morning", 0), maxRunning: 10);
        await index.Admit(Entry("evening", 600), maxRunning: 10);
        await index.Admit(Entry("noon", 180), maxRunning: 10);

        var all = await index.List(10);
        var two = await index.List(2);

        Assert.Equal(["evening", "noon", "morning"], all.Select(entry => entry.RunId));
        Assert.Equal(["evening", "noon"], two.Select(entry => entry.RunId));
    }

    [Fact]
    public async Task List_SameStartTime_ReturnsLaterAdmittedFirst()
    {
        var index = Index();
        await index.Admit(Entry("first", 0), maxRunning: 10);
        await index.Admit(Entry("second", 0), maxRunning: 10);

        var all = await index.List(10);

        Assert.Equal(["second", "first"], all.Select(entry => entry.RunId));
    }

    [Fact]
    public async Task Finished_KnownRun_UpdatesStateAndConvergence()
    {
        var index = Index();
        await index.Admit(Entry("a", 0), maxRunning: 10);
        await index.Admit(Entry("b", 1), maxRunning: 10);

        await index.Finished("a", RunState.Completed, 1500);
        await index.Finished("b", RunState.Failed, null);

        var entries = (await index.List(10)).ToDictionary(entry => entry.RunId);
        Assert.Equal(RunState.Completed, entries["a"].State);
        Assert.Equal(1500, entries["a"].ConvergedAtTrials);
        Assert.Equal(RunState.Failed, entries["b"].State);
        Assert.Null(entries["b"].ConvergedAtTrials);
    }

    [Fact]
    public async Task Finished_UnknownRun_IsIgnored()
    {
        var index = Index();
        await index.Admit(Entry("a", 0), maxRunning: 10);

        await index.Finished("unknown", RunState.Completed, 100);

        var entry = Assert.Single(await index.List(10));
        Assert.Equal("a", entry.RunId);
        Assert.Equal(RunState.Running, entry.State);
    }

    [Fact]
    public async Task Finished_StateRunning_Throws()
    {
        var index = Index();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => index.Finished("a", RunState.Running, null));
    }

    [Fact]
    public async Task Admit_BeyondMaxEntries_DropsOldestFinishedFirst()
    {
        var index = Index();
        await index.Admit(Entry("still-running", 0), maxRunning: 1);
        for (var i = 0; i < RunIndex.MaxEntries; i++)
        {
            await index.Admit(Entry($"done-{i}", 1 + i), maxRunning: 2);
            await index.Finished($"done-{i}", RunState.Completed, null);
        }

        var ids = (await index.List(2 * RunIndex.MaxEntries)).Select(entry => entry.RunId).ToList();

        Assert.Equal(RunIndex.MaxEntries, ids.Count);
        Assert.Contains("still-running", ids);
        Assert.DoesNotContain("done-0", ids);
        Assert.Contains("done-1", ids);
    }

    private IRunIndexGrain Index() =>
        silo.Cluster.Client.GetGrain<IRunIndexGrain>(Guid.NewGuid().ToString("N"));

    private static RunEntry Entry(string runId, int minutesAfterStart) =>
        new(runId, "assistant-platform", ImmutableArray.Create("base"), 1000, 7,
            Start.AddMinutes(minutesAfterStart), RunState.Running, null);

    /// <summary>One in-process silo shared by the tests of this class.</summary>
    public sealed class SiloFixture : IAsyncLifetime
    {
        public InProcessTestCluster Cluster { get; private set; } = null!;

        public async Task InitializeAsync() => Cluster = await TestClusters.StartAsync(1);

        public async Task DisposeAsync() => await Cluster.DisposeAsync();
    }
}
