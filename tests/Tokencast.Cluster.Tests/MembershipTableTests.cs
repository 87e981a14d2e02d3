using System.Net;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using Tokencast.Cluster.Tests.Hosting;
using Tokencast.Cluster.Tests.Postgres;

namespace Tokencast.Cluster.Tests;

/// <summary>
/// The ADO.NET membership table and gateway list on the schema of
/// <c>deploy/sql/02-clustering.sql</c>, called through the provider's own classes.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class MembershipTableTests(PostgresServer server) : IAsyncLifetime
{
    // Whole milliseconds, because the table keeps times at millisecond precision.
    private static readonly DateTime StartTime = new(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadAll_NewCluster_ReturnsVersionZeroWithoutSilos()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);

        var data = await table.ReadAllAsync();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.Equal("0", data.Version.VersionEtag);
    }

    [Fact]
    public async Task InsertRow_CurrentVersion_StoresEntryAndRaisesVersion()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        var entry = Entry(11111, SiloStatus.Joining);

        var inserted = await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());
        var data = await table.ReadAllAsync();

        Assert.True(inserted);
        Assert.Equal(1, data.Version.Version);
        var (stored, etag) = Assert.Single(data.Members);
        Assert.Equal("1", etag);
        Assert.Equal(entry.SiloAddress, stored.SiloAddress);
        Assert.Equal(entry.SiloName, stored.SiloName);
        Assert.Equal(entry.HostName, stored.HostName);
        Assert.Equal(SiloStatus.Joining, stored.Status);
        Assert.Equal(entry.ProxyPort, stored.ProxyPort);
        Assert.Equal(StartTime, stored.StartTime);
        Assert.Equal(StartTime, stored.IAmAliveTime);
        Assert.Null(stored.SuspectTimes);
    }

    [Fact]
    public async Task InsertRow_StaleVersion_ReturnsFalseAndStoresNothing()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        var versionZero = (await table.ReadAllAsync()).Version;
        await table.InsertRowAsync(Entry(11111, SiloStatus.Joining), versionZero.Next());

        var inserted = await table.InsertRowAsync(Entry(11112, SiloStatus.Joining), versionZero.Next());
        var data = await table.ReadAllAsync();

        Assert.False(inserted);
        Assert.Equal(1, data.Version.Version);
        Assert.Equal(11111, Assert.Single(data.Members).Item1.SiloAddress.Endpoint.Port);
    }

    [Fact]
    public async Task InsertRow_SiloAlreadyPresent_ReturnsFalseAndKeepsVersion()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        await InsertAtCurrentVersionAsync(table, Entry(11111, SiloStatus.Joining));

        var inserted = await table.InsertRowAsync(
            Entry(11111, SiloStatus.Active), (await table.ReadAllAsync()).Version.Next());
        var data = await table.ReadAllAsync();

        Assert.False(inserted);
        Assert.Equal(1, data.Version.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(data.Members).Item1.Status);
    }

    [Fact]
    public async Task InsertRow_ConcurrentJoins_ExactlyOneSucceeds()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        var versionZero = (await table.ReadAllAsync()).Version;

        // Eight silos race with the same table version. The version check must admit exactly one.
        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => table.InsertRowAsync(Entry(12000 + i, SiloStatus.Joining), versionZero.Next())));
        var data = await table.ReadAllAsync();

        Assert.Single(results, inserted => inserted);
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task UpdateRow_CurrentVersion_StoresStatusAndSuspicions()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        var entry = Entry(11111, SiloStatus.Joining);
        await InsertAtCurrentVersionAsync(table, entry);
        var voter = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 7);
        entry.Status = SiloStatus.Active;
        entry.IAmAliveTime = StartTime.AddSeconds(30);
        entry.SuspectTimes = [Tuple.Create(voter, StartTime.AddSeconds(10))];
        var version = (await table.ReadAllAsync()).Version;

        var updated = await table.UpdateRowAsync(entry, version.VersionEtag, version.Next());
        var data = await table.ReadRowAsync(entry.SiloAddress);

        Assert.True(updated);
        Assert.Equal(2, data.Version.Version);
        var stored = Assert.Single(data.Members).Item1;
        Assert.Equal(SiloStatus.Active, stored.Status);
        Assert.Equal(StartTime.AddSeconds(30), stored.IAmAliveTime);
        Assert.NotNull(stored.SuspectTimes);
        var (suspecter, time) = Assert.Single(stored.SuspectTimes);
        Assert.Equal(voter, suspecter);
        Assert.Equal(StartTime.AddSeconds(10), time);
    }

    [Fact]
    public async Task UpdateRow_StaleVersion_ReturnsFalseAndKeepsRow()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        var first = Entry(11111, SiloStatus.Joining);
        await InsertAtCurrentVersionAsync(table, first);
        var stale = (await table.ReadAllAsync()).Version;
        Assert.True(await table.InsertRowAsync(Entry(11112, SiloStatus.Joining), stale.Next()));
        first.Status = SiloStatus.Dead;

        var updated = await table.UpdateRowAsync(first, stale.VersionEtag, stale.Next());
        var data = await table.ReadRowAsync(first.SiloAddress);

        Assert.False(updated);
        Assert.Equal(2, data.Version.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(data.Members).Item1.Status);
    }

    [Fact]
    public async Task UpdateRow_SiloMissing_ReturnsFalseAndKeepsVersion()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        var version = (await table.ReadAllAsync()).Version;

        var updated = await table.UpdateRowAsync(
            Entry(11111, SiloStatus.Active), version.VersionEtag, version.Next());
        var data = await table.ReadAllAsync();

        Assert.False(updated);
        Assert.Equal(0, data.Version.Version);
        Assert.Empty(data.Members);
    }

    [Fact]
    public async Task UpdateIAmAlive_Heartbeat_ChangesTimeButNotVersion()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        var entry = Entry(11111, SiloStatus.Active);
        await InsertAtCurrentVersionAsync(table, entry);
        entry.IAmAliveTime = StartTime.AddMinutes(5);

        await table.UpdateIAmAliveAsync(entry);
        var data = await table.ReadRowAsync(entry.SiloAddress);

        Assert.Equal(1, data.Version.Version);
        Assert.Equal(StartTime.AddMinutes(5), Assert.Single(data.Members).Item1.IAmAliveTime);
    }

    [Fact]
    public async Task ReadRow_UnknownSilo_ReturnsVersionWithoutEntry()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        await InsertAtCurrentVersionAsync(table, Entry(11111, SiloStatus.Active));

        var data = await table.ReadRowAsync(Entry(11112, SiloStatus.Active).SiloAddress);

        Assert.Empty(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task ReadRow_DatabaseTimeZoneNotUtc_ReturnsSameInstants()
    {
        // Kathmandu is UTC+05:45, so any conversion through the session time zone would shift the times.
        var database = new Npgsql.NpgsqlConnectionStringBuilder(_connectionString).Database;
        await PostgresServer.ExecuteAsync(
            _connectionString, $"ALTER DATABASE \"{database}\" SET TimeZone = 'Asia/Kathmandu'");
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        var entry = Entry(11111, SiloStatus.Active);
        entry.IAmAliveTime = StartTime.AddHours(1);
        await InsertAtCurrentVersionAsync(table, entry);

        var stored = Assert.Single((await table.ReadRowAsync(entry.SiloAddress)).Members).Item1;

        Assert.Equal(StartTime, stored.StartTime);
        Assert.Equal(StartTime.AddHours(1), stored.IAmAliveTime);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CleanupDefunctSiloEntries_OldDeadSilo_DeletesOnlyThatRow(bool perRowQueryInstalled)
    {
        if (!perRowQueryInstalled)
        {
            // Without the optional per-row query, Orleans 10.4.2 falls back to the bulk query.
            await PostgresServer.ExecuteAsync(
                _connectionString, "DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
        }

        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        var cutoff = StartTime.AddHours(1);
        var deadOld = Entry(11111, SiloStatus.Dead);
        var deadRecent = Entry(11112, SiloStatus.Dead, cutoff.AddMinutes(1));
        var activeOld = Entry(11113, SiloStatus.Active);
        var deadOldWithRecentVote = Entry(11114, SiloStatus.Dead);
        deadOldWithRecentVote.SuspectTimes = [Tuple.Create(activeOld.SiloAddress, cutoff.AddMinutes(1))];
        foreach (var entry in new[] { deadOld, deadRecent, activeOld, deadOldWithRecentVote })
        {
            Assert.True(await InsertAtCurrentVersionAsync(table, entry));
        }

        // Inserts do not store suspicion votes, so the votes go in with an update.
        var version = (await table.ReadAllAsync()).Version;
        Assert.True(await table.UpdateRowAsync(deadOldWithRecentVote, version.VersionEtag, version.Next()));

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(cutoff));
        var ports = (await table.ReadAllAsync()).Members
            .Select(member => member.Item1.SiloAddress.Endpoint.Port)
            .Order()
            .ToList();

        Assert.Equal([11112, 11113, 11114], ports);
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_OneCluster_KeepsOtherCluster()
    {
        var doomed = await ClusteringTables.OpenMembershipTableAsync(_connectionString, "doomed");
        var kept = await ClusteringTables.OpenMembershipTableAsync(_connectionString, "kept");
        await InsertAtCurrentVersionAsync(doomed, Entry(11111, SiloStatus.Active));
        await InsertAtCurrentVersionAsync(kept, Entry(11111, SiloStatus.Active));

        await doomed.DeleteMembershipTableEntriesAsync("doomed");
        var keptData = await kept.ReadAllAsync();
        var reopened = await ClusteringTables.OpenMembershipTableAsync(
            _connectionString, "doomed", createVersionRow: true);
        var doomedData = await reopened.ReadAllAsync();

        Assert.Single(keptData.Members);
        Assert.Equal(1, keptData.Version.Version);
        Assert.Empty(doomedData.Members);
        Assert.Equal(0, doomedData.Version.Version);
    }

    [Fact]
    public async Task GetGateways_MixedSilos_ReturnsActiveSilosWithGatewayOnly()
    {
        var table = await ClusteringTables.OpenMembershipTableAsync(_connectionString);
        var activeWithGateway = Entry(11111, SiloStatus.Active);
        var joining = Entry(11112, SiloStatus.Joining);
        var activeWithoutGateway = Entry(11113, SiloStatus.Active);
        activeWithoutGateway.ProxyPort = 0;
        var dead = Entry(11114, SiloStatus.Dead);
        foreach (var entry in new[] { activeWithGateway, joining, activeWithoutGateway, dead })
        {
            Assert.True(await InsertAtCurrentVersionAsync(table, entry));
        }

        var gateways = await (await ClusteringTables.OpenGatewayListAsync(_connectionString)).GetGateways();

        var gateway = Assert.Single(gateways);
        Assert.Equal("127.0.0.1", gateway.Host);
        Assert.Equal(activeWithGateway.ProxyPort, gateway.Port);
    }

    /// <summary>Inserts a row with the table version read just before, as a joining silo does.</summary>
    private static async Task<bool> InsertAtCurrentVersionAsync(
        AdoNetClusteringTable table, MembershipEntry entry) =>
        await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());

    /// <summary>A silo on 127.0.0.1 whose gateway port is its silo port plus 1000.</summary>
    private static MembershipEntry Entry(int port, SiloStatus status, DateTime? startTime = null) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1),
        SiloName = $"silo-{port}",
        HostName = "test-host",
        Status = status,
        ProxyPort = port + 1000,
        StartTime = startTime ?? StartTime,
        IAmAliveTime = startTime ?? StartTime,
    };
}
