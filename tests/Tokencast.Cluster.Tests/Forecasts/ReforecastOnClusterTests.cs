using Tokencast.Cli.Commands;
using Tokencast.Cluster.Tests.Postgres;
using Tokencast.Grains;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Tests.Reforecasting;

namespace Tokencast.Cluster.Tests.Forecasts;

/// <summary><c>tokencast reforecast --cluster</c> run against silos that keep their state in PostgreSQL.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ReforecastOnClusterTests(PostgresServer server)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Reforecast_OnCluster_TellsSubscribers()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using var folder = new ReforecastFolder(new DateOnly(2026, 1, 1));
        folder.Ingest(days: 7, new DateOnly(2026, 1, 5), "week");
        await using var silos = await InProcessSilos.StartAsync(connectionString, 1);
        await using var client = await ClusterClient.ConnectAsync(connectionString, silos.ClusterId, silos.ClusterId);
        var observer = new VersionObserver("small");
        await client.Grains.GetGrain<IForecastEventsGrain>(0)
            .Subscribe(client.Grains.CreateObjectReference<IForecastEventsObserver>(observer));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await Task.Run(() => ReforecastCommand.Invoke(
            [folder.ScenarioPath, "--name", "small", "--cut-off", "2026-01-12", "--store", folder.StorePath,
                "--history", folder.HistoryPath, "--cluster", connectionString, "--cluster-id", silos.ClusterId,
                "--service-id", silos.ClusterId],
            output, error));
        var added = await observer.Received.Task.WaitAsync(EventTimeout);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error.ToString());
        Assert.Equal(1, added.Number);
        Assert.Equal(new DateOnly(2026, 1, 12), added.CutOff);
    }
}
