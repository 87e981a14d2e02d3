using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using Tokencast.Cluster.Tests.Grains;
using Tokencast.Cluster.Tests.Hosting;
using Tokencast.Cluster.Tests.Postgres;

namespace Tokencast.Cluster.Tests;

/// <summary>
/// The ADO.NET grain storage on the schema of <c>deploy/sql/03-persistence.sql</c>, through grains
/// and through the silo's <see cref="IGrainStorage"/> provider.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class GrainStorageTests(PostgresServer server) : IAsyncLifetime
{
    private const string StateName = "counter";

    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GrainState_NewSilo_ReadsStateWrittenBefore()
    {
        await using (var first = await TestSilo.StartAsync(_connectionString))
        {
            var counter = first.GrainFactory.GetGrain<ICounterGrain>("restart");
            await counter.Increment();
            await counter.Increment();
            await counter.Increment();
        }

        await using var second = await TestSilo.StartAsync(_connectionString);
        var value = await second.GrainFactory.GetGrain<ICounterGrain>("restart").GetValue();

        Assert.Equal(3, value);
    }

    [Fact]
    public async Task WriteState_NewGrain_StartsAtVersionOne()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var storage = Storage(silo, TestSilo.StorageName);
        var grainId = GrainId.Create("counter", "new");
        var state = new GrainState<CounterState>(new CounterState { Value = 4 });

        await storage.WriteStateAsync(StateName, grainId, state);
        var firstETag = state.ETag;
        await storage.WriteStateAsync(StateName, grainId, state);

        Assert.Equal("1", firstETag);
        Assert.Equal("2", state.ETag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task WriteState_StaleETag_ThrowsInconsistentStateAndKeepsRow()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var storage = Storage(silo, TestSilo.StorageName);
        var grainId = GrainId.Create("counter", "stale");
        var current = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync(StateName, grainId, current);
        var stale = await ReadAsync(storage, grainId);
        current.State = new CounterState { Value = 2 };
        await storage.WriteStateAsync(StateName, grainId, current);
        stale.State = new CounterState { Value = 99 };

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, stale));

        var stored = await ReadAsync(storage, grainId);
        Assert.Equal(2, ValueOf(stored));
        Assert.Equal("2", stored.ETag);
    }

    [Fact]
    public async Task WriteState_NoETagWhenRowExists_ThrowsInconsistentState()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var storage = Storage(silo, TestSilo.StorageName);
        var grainId = GrainId.Create("counter", "twice-new");
        var first = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync(StateName, grainId, first);

        // A second activation that never read the row believes the grain is new.
        var unaware = new GrainState<CounterState>(new CounterState { Value = 7 });

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, unaware));
        Assert.Equal(1, ValueOf(await ReadAsync(storage, grainId)));
    }

    [Fact]
    public async Task ClearState_KeepRowStorage_LeavesEmptyRowWithNewETag()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var storage = Storage(silo, TestSilo.StorageName);
        var grainId = GrainId.Create("counter", "clear");
        var state = new GrainState<CounterState>(new CounterState { Value = 5 });
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);
        var afterClear = await ReadAsync(storage, grainId);
        var replacement = new GrainState<CounterState>(new CounterState { Value = 6 }, afterClear.ETag);
        await storage.WriteStateAsync(StateName, grainId, replacement);

        Assert.Equal("2", state.ETag);
        Assert.False(state.RecordExists);
        Assert.False(afterClear.RecordExists);
        Assert.Equal("2", afterClear.ETag);
        Assert.Equal(0, ValueOf(afterClear));
        Assert.Equal("3", replacement.ETag);
        Assert.Equal(6, ValueOf(await ReadAsync(storage, grainId)));
        Assert.Equal(1L, await CountRowsAsync());
    }

    [Fact]
    public async Task ClearState_StaleETag_ThrowsInconsistentState()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var storage = Storage(silo, TestSilo.StorageName);
        var grainId = GrainId.Create("counter", "stale-clear");
        var current = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync(StateName, grainId, current);
        var stale = await ReadAsync(storage, grainId);
        await storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grainId, stale));
        Assert.True((await ReadAsync(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task ClearState_DeleteStateOnClear_RemovesRow()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var storage = Storage(silo, TestSilo.DeletingStorageName);
        var grainId = GrainId.Create("counter", "delete");
        var state = new GrainState<CounterState>(new CounterState { Value = 5 });
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);
        var rowsAfterClear = await CountRowsAsync();
        var afterClear = await ReadAsync(storage, grainId);
        var rewritten = new GrainState<CounterState>(new CounterState { Value = 6 }, afterClear.ETag);
        await storage.WriteStateAsync(StateName, grainId, rewritten);

        Assert.Null(state.ETag);
        Assert.Equal(0L, rowsAfterClear);
        Assert.False(afterClear.RecordExists);
        Assert.Null(afterClear.ETag);
        Assert.Equal("1", rewritten.ETag);
    }

    [Fact]
    public async Task ReadState_GrainKeyKinds_KeepSeparateRows()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var storage = Storage(silo, TestSilo.StorageName);
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var type = GrainType.Create("counter");
        // Keys that share parts: the same Guid or integer with and without an extension, and a string
        // key equal to an extension. Each must map to its own row.
        var grainIds = new[]
        {
            GrainId.Create("counter", "x"),
            GrainId.Create("counter", "y"),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "x")),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "y")),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(7)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(7, "x")),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(-7)),
        };
        for (var i = 0; i < grainIds.Length; i++)
        {
            await storage.WriteStateAsync(
                StateName, grainIds[i], new GrainState<CounterState>(new CounterState { Value = i + 1 }));
        }

        // The same grain under another state name is another row too.
        await storage.WriteStateAsync(
            "other-state", grainIds[0], new GrainState<CounterState>(new CounterState { Value = 100 }));

        for (var i = 0; i < grainIds.Length; i++)
        {
            Assert.Equal(i + 1, ValueOf(await ReadAsync(storage, grainIds[i])));
        }

        Assert.Equal(grainIds.Length + 1L, await CountRowsAsync());
    }

    private static IGrainStorage Storage(TestSilo silo, string name) =>
        silo.Services.GetRequiredKeyedService<IGrainStorage>(name);

    private static async Task<GrainState<CounterState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }

    private static int ValueOf(GrainState<CounterState> state) =>
        (state.State ?? throw new InvalidOperationException("The provider returned no state object.")).Value;

    private async Task<long> CountRowsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM OrleansStorage");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
