using System.Text.Json;
using Orleans.TestingHost;
using Tokencast.Core.Forecasting;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.Tests;

public class ClusterRunTests
{
    [Fact]
    public async Task Run_OneSilo_GivesTheCoreEngineBands()
    {
        var definition = TestClusters.Example(trials: 300, blockSize: 64);
        var plan = ScenarioInputs.Compile(definition.Scenario, definition.Branches);
        var expected = new ForecastEngine(plan, definition.EngineOptions() with { MaxDegreeOfParallelism = -1 }).Run();
        await using var cluster = await TestClusters.StartAsync(1);

        var actual = await new ForecastRunner(cluster.Client).RunAsync(definition);

        Assert.Equal(Json(expected), Json(actual));
    }

    [Fact]
    public async Task Run_ThreeSilosOtherBlockSize_GivesTheOneSiloBands()
    {
        var oneSilo = await RunOn(1, TestClusters.Example(trials: 400, blockSize: 100));
        var threeSilos = await RunOn(3, TestClusters.Example(trials: 400, blockSize: 37));

        Assert.Equal(Json(oneSilo), Json(threeSilos));
    }

    [Fact]
    public async Task Run_SiloKilledDuringRun_GivesTheSameBands()
    {
        var definition = TestClusters.Example(trials: 1200, blockSize: 40);
        var expected = await RunOn(1, definition);
        await using var cluster = await TestClusters.StartAsync(3);
        var quarter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new Watcher(status =>
        {
            if (status.BlocksDone * 4 >= status.Blocks && status.Blocks > 0)
            {
                quarter.TrySetResult();
            }
        });

        var run = new ForecastRunner(cluster.Client).RunAsync(definition, progress);
        await Task.WhenAny(quarter.Task, run);
        Assert.False(run.IsCompleted, "the run finished before a silo could be killed");
        var victim = SiloHoldingMostOfTheRun(cluster, definition);
        await cluster.KillSiloAsync(victim);
        var actual = await run;

        Assert.False(run.IsFaulted);
        Assert.Equal(Json(expected), Json(actual));
    }

    [Fact]
    public async Task Start_SameDefinitionTwice_ReturnsTheStoredRun()
    {
        var definition = TestClusters.Example(trials: 64, blockSize: 64);
        await using var cluster = await TestClusters.StartAsync(1);
        var first = await new ForecastRunner(cluster.Client).RunAsync(definition);

        var status = await cluster.Client.GetGrain<IRunGrain>(definition.ForecastId()).Start(definition);

        Assert.Equal(RunState.Completed, status.State);
        Assert.Equal(64, status.TrialsDone);
        Assert.Equal(Json(first), Json(await cluster.Client.GetGrain<IRunGrain>(definition.ForecastId()).GetResult()));
    }

    [Fact]
    public async Task Start_DefinitionOfAnotherRun_IsRejected()
    {
        var definition = TestClusters.Example(trials: 64, blockSize: 64);
        await using var cluster = await TestClusters.StartAsync(1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Client.GetGrain<IRunGrain>("other").Start(definition));

        Assert.Contains("not other", error.Message, StringComparison.Ordinal);
    }

    private static async Task<ForecastResult> RunOn(int silos, Grains.RunDefinition definition)
    {
        await using var cluster = await TestClusters.StartAsync(silos);
        return await new ForecastRunner(cluster.Client).RunAsync(definition);
    }

    /// <summary>Returns the secondary silo hosting most of the run's grains (the run, lanes, aggregators).</summary>
    private static InProcessSiloHandle SiloHoldingMostOfTheRun(InProcessTestCluster cluster, Grains.RunDefinition definition)
    {
        var runId = definition.ForecastId();
        var grains = new List<GrainId> { cluster.Client.GetGrain<IRunGrain>(runId).GetGrainId() };
        grains.AddRange(Enumerable.Range(0, 8).Select(i => cluster.Client.GetGrain<ILaneGrain>(GrainKeys.Lane(runId, i)).GetGrainId()));
        grains.AddRange(Enumerable.Range(0, 3).Select(i => cluster.Client.GetGrain<IBranchGrain>(GrainKeys.Branch(runId, i)).GetGrainId()));
        var counts = new Dictionary<SiloAddress, int>();
        foreach (var grain in grains)
        {
            if (cluster.TryGetGrainContext(grain, out var context))
            {
                counts[context.Address.SiloAddress!] = counts.GetValueOrDefault(context.Address.SiloAddress!) + 1;
            }
        }

        var secondaries = cluster.Silos.Skip(1).ToList();
        var victim = secondaries.MaxBy(silo => counts.GetValueOrDefault(silo.SiloAddress))!;
        Assert.True(counts.GetValueOrDefault(victim.SiloAddress) > 0, "no grain of the run was on a secondary silo");
        return victim;
    }

    private static string Json(ForecastResult? result) => JsonSerializer.Serialize(result);

    private sealed class Watcher(Action<RunStatus> onStatus) : IProgress<RunStatus>
    {
        public void Report(RunStatus value) => onStatus(value);
    }
}
