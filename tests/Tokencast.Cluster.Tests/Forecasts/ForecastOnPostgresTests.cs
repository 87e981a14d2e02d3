using System.Collections.Immutable;
using System.Text.Json;
using Orleans.Runtime;
using Tokencast.Cluster.Tests.Postgres;
using Tokencast.Core.Forecasting;
using Tokencast.Grains;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Runs;

namespace Tokencast.Cluster.Tests.Forecasts;

/// <summary>Forecasts on silos that keep membership, runs and reminders in PostgreSQL.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ForecastOnPostgresTests(PostgresServer server)
{
    private static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "examples", "assistant-platform.yaml");

    [Fact]
    public async Task Run_WholeClusterRestarted_ReadsDefinitionAndBandsBack()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var definition = Definition(trials: 200, blockSize: 50);
        ForecastResult first;
        await using (var silos = await InProcessSilos.StartAsync(connectionString, 2))
        {
            await using var client = await ClusterClient.ConnectAsync(connectionString, silos.ClusterId, silos.ClusterId);
            first = await new ForecastRunner(client.Grains).RunAsync(definition);
        }

        await using var restarted = await InProcessSilos.StartAsync(connectionString, 1);
        await using var reconnected = await ClusterClient.ConnectAsync(connectionString, restarted.ClusterId, restarted.ClusterId);
        var run = reconnected.Grains.GetGrain<IRunGrain>(definition.ForecastId());
        var status = await run.GetStatus();
        var stored = await run.GetDefinition();

        Assert.Equal(RunState.Completed, status.State);
        Assert.Equal(200, status.TrialsDone);
        Assert.Equal(Json(first), Json(await run.GetResult()));
        Assert.NotNull(stored);
        Assert.Equal(definition.ForecastId(), stored.ForecastId());
        Assert.Equal(definition.Scenario.Files.OrderBy(f => f.Key), stored.Scenario.Files.OrderBy(f => f.Key));
    }

    [Fact]
    public async Task Run_SiloProcessKilledDuringRun_GivesTheCoreEngineBands()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var definition = Definition(trials: 3000, blockSize: 25);
        var plan = ScenarioInputs.Compile(definition.Scenario, definition.Branches);
        var expected = new ForecastEngine(plan, definition.EngineOptions() with { MaxDegreeOfParallelism = -1 }).Run();
        const string clusterId = "tokencast-kill";
        var silos = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SiloProcess.StartAsync(connectionString, clusterId)));
        try
        {
            await using var client = await ClusterClient.ConnectAsync(connectionString, clusterId, clusterId);
            var quarter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var progress = new Watcher(status =>
            {
                if (status.Blocks > 0 && status.BlocksDone * 4 >= status.Blocks)
                {
                    quarter.TrySetResult();
                }
            });

            var run = new ForecastRunner(client.Grains).RunAsync(definition, progress);
            await Task.WhenAny(quarter.Task, run);
            Assert.False(run.IsCompleted, "the run finished before a silo could be killed");
            var victim = await SiloHoldingMostOfTheRun(client.Grains, silos, definition.ForecastId());
            await victim.KillAsync();
            var actual = await run;

            Assert.Equal(Json(expected), Json(actual));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static RunDefinition Definition(int trials, int blockSize) =>
        new(ScenarioInputs.Capture(ExamplePath).Input, ImmutableArray<string>.Empty, trials, 11, RunMode.Aggregated, 0.01, blockSize);

    /// <summary>Returns the silo process that hosts the most activations of the run's grains.</summary>
    private static async Task<SiloProcess> SiloHoldingMostOfTheRun(IGrainFactory grains, SiloProcess[] silos, string runId)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var counts = statistics
            .Where(s => s.GrainId.Key.ToString()!.StartsWith(runId, StringComparison.Ordinal))
            .GroupBy(s => s.SiloAddress.Endpoint.Port)
            .ToDictionary(g => g.Key, g => g.Count());
        var victim = silos.MaxBy(silo => counts.GetValueOrDefault(silo.SiloPort))!;
        Assert.True(counts.GetValueOrDefault(victim.SiloPort) > 0, "no silo holds a grain of the run");
        return victim;
    }

    private static string Json(ForecastResult? result) => JsonSerializer.Serialize(result);

    private sealed class Watcher(Action<RunStatus> onStatus) : IProgress<RunStatus>
    {
        public void Report(RunStatus value) => onStatus(value);
    }
}
