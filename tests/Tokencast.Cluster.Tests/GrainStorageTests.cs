using Tokencast.Cluster.Tests.Grains;
using Tokencast.Cluster.Tests.Hosting;
using Tokencast.Cluster.Tests.Postgres;

namespace Tokencast.Cluster.Tests;

/// <summary>
/// The ADO.NET grain storage on the schema of <c>deploy/sql/03-persistence.sql</c>.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class GrainStorageTests(PostgresServer server) : IAsyncLifetime
{
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
}
