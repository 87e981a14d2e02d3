using Microsoft.Extensions.DependencyInjection;
using Orleans.Messaging;
using Orleans.Runtime;
using Tokencast.Cluster.Tests.Grains;
using Tokencast.Cluster.Tests.Hosting;
using Tokencast.Cluster.Tests.Postgres;

namespace Tokencast.Cluster.Tests;

/// <summary>
/// Silos that find each other through the ADO.NET membership table, and a client that finds them
/// through the ADO.NET gateway list.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ClusterTests(PostgresServer server) : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwoSilos_SharedDatabase_FormOneCluster()
    {
        await using var first = await TestSilo.StartAsync(_connectionString);
        await using var second = await TestSilo.StartAsync(_connectionString);

        var expected = new[] { first.Address, second.Address }.Order().ToList();
        foreach (var silo in new[] { first, second })
        {
            // Refresh reads the membership table, so the view no longer depends on gossip timing.
            var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
            await membership.Refresh();
            var active = membership.CurrentSnapshot.Members.Values
                .Where(member => member.Status == SiloStatus.Active)
                .Select(member => member.SiloAddress)
                .Order()
                .ToList();
            Assert.Equal(expected, active);
        }

        var table = await ClusteringTables.OpenMembershipTableAsync(
            _connectionString, createVersionRow: false);
        var rows = (await table.ReadAllAsync()).Members.Select(member => member.Item1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(SiloStatus.Active, row.Status));
    }

    [Fact]
    public async Task Client_AdoNetGatewayList_ReachesBothSilos()
    {
        await using var first = await TestSilo.StartAsync(_connectionString);
        await using var second = await TestSilo.StartAsync(_connectionString);
        await first.Services.GetRequiredService<IClusterMembershipService>().Refresh();
        await second.Services.GetRequiredService<IClusterMembershipService>().Refresh();

        await using var client = await TestClient.StartAsync(_connectionString);
        var gatewayPorts = (await client.Services.GetRequiredService<IGatewayListProvider>().GetGateways())
            .Select(gateway => gateway.Port)
            .Order()
            .ToList();
        var counter = client.Client.GetGrain<ICounterGrain>("from-client");
        var value = await counter.Increment();
        var hostingSilo = await counter.GetSiloAddress();
        var hosts = await client.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(new[] { first.GatewayPort, second.GatewayPort }.Order().ToList(), gatewayPorts);
        Assert.Equal(1, value);
        Assert.Contains(hostingSilo, new[] { first.Address.ToString(), second.Address.ToString() });
        Assert.Equal(2, hosts.Count);
    }

    [Fact]
    public async Task SiloStop_Graceful_MarksRowDead()
    {
        await using var first = await TestSilo.StartAsync(_connectionString);
        await using var second = await TestSilo.StartAsync(_connectionString);
        var stoppedAddress = first.Address;

        await first.StopAsync();
        var membership = second.Services.GetRequiredService<IClusterMembershipService>();
        await membership.Refresh();

        var table = await ClusteringTables.OpenMembershipTableAsync(
            _connectionString, createVersionRow: false);
        var row = Assert.Single((await table.ReadRowAsync(stoppedAddress)).Members).Item1;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal(SiloStatus.Dead, membership.CurrentSnapshot.GetSiloStatus(stoppedAddress));
    }
}
