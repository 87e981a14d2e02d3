using System.Collections.Immutable;
using Tokencast.Cluster.Tests.Postgres;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Simulation;
using Tokencast.Grains;
using Tokencast.Grains.Hosting;

namespace Tokencast.Cluster.Tests.Forecasts;

/// <summary>Forecast history grains on silos that keep grain state in PostgreSQL.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ForecastHistoryOnPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task Version_WholeClusterRestarted_ReadsBackSameBytes()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var draft = Draft("assistant-platform");
        await using (var silos = await InProcessSilos.StartAsync(connectionString, 1))
        {
            await using var client = await ClusterClient.ConnectAsync(connectionString, silos.ClusterId, silos.ClusterId);
            await client.Grains.GetGrain<IForecastHistoryGrain>(draft.Name).Add(draft);
        }

        await using var restarted = await InProcessSilos.StartAsync(connectionString, 1);
        await using var reconnected = await ClusterClient.ConnectAsync(
            connectionString, restarted.ClusterId, restarted.ClusterId);
        var grain = reconnected.Grains.GetGrain<IForecastHistoryGrain>(draft.Name);
        var stored = await grain.GetVersion(1);
        var again = await grain.Add(draft);

        Assert.NotNull(stored);
        Assert.Equal(draft.BandsJson.ToArray(), stored.BandsJson.ToArray());
        Assert.Equal("recalibrated chat", stored.Note);
        Assert.Equal(new DateOnly(2027, 3, 31), stored.CutOff);
        Assert.False(again.Added);
        Assert.Single(await grain.List());
    }

    private static ForecastVersionDraft Draft(string name)
    {
        var january = new DateOnly(2027, 1, 1);
        var band = new Band(1, 2, 3, 4, 5, 3, new BandErrors(0, 0, 0, 0, 0, 0));
        var total = new SeriesBands("total", [new MonthBand(january, band)], band);
        var result = new ForecastResult(name, january, 1, 10, 1,
            [new BranchForecast("baseline", "", Array.Empty<BranchAssumption>(), total, [], [], [], [], [], [])]);
        var bundle = new ScenarioBundle(
            "/plans/p.yaml", ImmutableDictionary<string, string>.Empty.Add("/plans/p.yaml", "name: p\n"), null);
        return ForecastVersionDraft.Create(
            name, new DateOnly(2027, 3, 31), new VersionInputs(bundle, [], 10, 1), [], "recalibrated chat", result);
    }
}
