using Npgsql;
using Orleans.Runtime;
using Tokencast.Cluster.Tests.Hosting;
using Tokencast.Cluster.Tests.Postgres;

namespace Tokencast.Cluster.Tests;

/// <summary>
/// The schema scripts in <c>deploy/sql</c> and <c>deploy/create-schema.sh</c>, which applies them
/// with psql.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class SchemaScriptTests(PostgresServer server)
{
    // The query keys that the Orleans 10.4.2 ADO.NET providers for clustering, grain storage and
    // reminders read from OrleansQuery.
    private static readonly string[] ProviderQueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "ClearStorageKey",
        "DeleteMembershipTableEntriesKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey",
        "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key",
        "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey",
        "UpdateMembershipKey", "UpsertReminderRowKey", "WriteToStorageKey",
    ];

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task SchemaScripts_Applied_InstallEveryProviderQueryKey()
    {
        var connectionString = await server.CreateDatabaseAsync();

        var keys = await QueryKeysAsync(connectionString);

        Assert.Equal(ProviderQueryKeys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task SchemaScripts_AppliedAgain_KeepStoredRows()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var table = await ClusteringTables.OpenMembershipTableAsync(connectionString);
        var entry = new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 11111), 1),
            SiloName = "silo",
            HostName = "host",
            Status = SiloStatus.Active,
            ProxyPort = 30000,
            StartTime = DateTime.UtcNow,
            IAmAliveTime = DateTime.UtcNow,
        };
        await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());

        await SchemaScripts.ApplyAsync(connectionString);
        var reopened = await ClusteringTables.OpenMembershipTableAsync(
            connectionString, createVersionRow: false);
        var data = await reopened.ReadAllAsync();

        Assert.Equal(1, data.Version.Version);
        Assert.Equal(entry.SiloAddress, Assert.Single(data.Members).Item1.SiloAddress);
        Assert.Equal(ProviderQueryKeys.Length, (await QueryKeysAsync(connectionString)).Count);
    }

    [Fact]
    public async Task CreateSchemaScript_EmptyDatabaseTwice_InstallsSchema()
    {
        var connectionString = await server.CreateEmptyDatabaseAsync();

        var first = await RunCreateSchemaAsync(connectionString);
        var second = await RunCreateSchemaAsync(connectionString);
        var table = await ClusteringTables.OpenMembershipTableAsync(connectionString);

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.Equal(ProviderQueryKeys.Order(StringComparer.Ordinal), await QueryKeysAsync(connectionString));
        Assert.Equal(0, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task CreateSchemaScript_FailingScript_StopsAndRollsBackFile()
    {
        var connectionString = await server.CreateEmptyDatabaseAsync();

        // A table of that name without the expected columns makes 03-persistence.sql fail at its index.
        await PostgresServer.ExecuteAsync(connectionString, "CREATE TABLE OrleansStorage (Unrelated integer)");
        var result = await RunCreateSchemaAsync(connectionString);
        var keys = await QueryKeysAsync(connectionString);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: 03-persistence.sql failed", result.StandardError);
        Assert.Contains("InsertMembershipKey", keys);
        Assert.DoesNotContain("ReadFromStorageKey", keys);
        Assert.DoesNotContain("UpsertReminderRowKey", keys);
    }

    [Fact]
    public async Task CreateSchemaScript_ServerUnreachable_FailsWithMessage()
    {
        var closedPort = LoopbackPorts.FindFree();

        var result = await ProcessRunner.RunAsync(
            CreateSchemaPath, [$"postgresql://nobody:secret@127.0.0.1:{closedPort}/none"], ScriptTimeout);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: cannot connect to postgresql://nobody:***@127.0.0.1", result.StandardError);
        Assert.DoesNotContain("secret", result.StandardError);
    }

    [Fact]
    public async Task CreateSchemaScript_Help_PrintsUsage()
    {
        var result = await ProcessRunner.RunAsync(CreateSchemaPath, ["--help"], ScriptTimeout);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: deploy/create-schema.sh [CONNECTION_URI]", result.StandardOutput);
    }

    private static string CreateSchemaPath =>
        Path.Combine(RepositoryLayout.RootDirectory, "deploy", "create-schema.sh");

    /// <summary>
    /// Runs create-schema.sh with a libpq URI for the database of an Npgsql connection string, passing
    /// the password, if any, in PGPASSWORD.
    /// </summary>
    private static Task<ProcessResult> RunCreateSchemaAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var uri = $"postgresql://{Uri.EscapeDataString(builder.Username ?? "postgres")}@"
            + $"{builder.Host}:{builder.Port}/{Uri.EscapeDataString(builder.Database ?? "")}";
        var environment = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(builder.Password))
        {
            environment["PGPASSWORD"] = builder.Password;
        }

        return ProcessRunner.RunAsync(CreateSchemaPath, [uri], ScriptTimeout, environment);
    }

    private static async Task<List<string>> QueryKeysAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT QueryKey FROM OrleansQuery");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
