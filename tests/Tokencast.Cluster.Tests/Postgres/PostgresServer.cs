using Npgsql;

namespace Tokencast.Cluster.Tests.Postgres;

/// <summary>
/// The PostgreSQL server shared by the tests of <see cref="PostgresCollectionDefinition"/>. It uses
/// the server named by the environment variable <c>TOKENCAST_TEST_POSTGRES</c> (an Npgsql connection
/// string of a user allowed to create databases) or else starts a throwaway server on a free loopback
/// port.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>The environment variable that names an existing server to use.</summary>
    public const string ConnectionVariable = "TOKENCAST_TEST_POSTGRES";

    private const string DatabasePrefix = "tokencast_test_";

    private readonly List<string> _databases = [];
    private ThrowawayPostgres? _throwawayServer;
    private string? _adminConnectionString;

    /// <summary>
    /// The connection string the fixture creates databases with. Tests use it to reach the server
    /// itself, for example to run <c>CREATE DATABASE</c> without the schema.
    /// </summary>
    public string AdminConnectionString =>
        _adminConnectionString ?? throw new InvalidOperationException("The server has not been started.");

    /// <summary>Connects to the server named by the environment, or starts a throwaway one.</summary>
    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _adminConnectionString = configured;
            return;
        }

        _throwawayServer = await ThrowawayPostgres.StartAsync();
        _adminConnectionString = _throwawayServer.AdminConnectionString;
    }

    /// <summary>
    /// Creates an empty database with a unique name and returns its connection string, without
    /// the Orleans schema.
    /// </summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = DatabasePrefix + Guid.NewGuid().ToString("N");
        await ExecuteAsync(AdminConnectionString, $"CREATE DATABASE \"{name}\"");
        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Creates a database with a unique name, applies the schema scripts of <c>deploy/sql</c> and
    /// returns its connection string. Each call returns a database that no other test uses.
    /// </summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        await SchemaScripts.ApplyAsync(connectionString);
        return connectionString;
    }

    /// <summary>
    /// Drops the databases this fixture created and stops the throwaway server if it started one.
    /// </summary>
    public async Task DisposeAsync()
    {
        // Silos keep pooled connections; dropping a database needs them closed.
        NpgsqlConnection.ClearAllPools();
        if (_throwawayServer is not null)
        {
            await _throwawayServer.DisposeAsync();
            return;
        }

        if (_adminConnectionString is null)
        {
            return;
        }

        foreach (var name in _databases)
        {
            await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>Runs one SQL statement without parameters on the database of a connection string.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
