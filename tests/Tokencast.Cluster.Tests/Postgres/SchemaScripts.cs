using Npgsql;

namespace Tokencast.Cluster.Tests.Postgres;

/// <summary>
/// Applies the repository's schema scripts (<c>deploy/sql/*.sql</c>) through Npgsql, in file-name
/// order and one transaction per file, as <c>deploy/create-schema.sh</c> does with psql.
/// </summary>
internal static class SchemaScripts
{
    /// <summary>Runs every schema script on the database of <paramref name="connectionString"/>.</summary>
    public static async Task ApplyAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var script in RepositoryLayout.SchemaScripts())
        {
            var text = await File.ReadAllTextAsync(script);
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand(text, connection, transaction))
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                }
                catch (PostgresException exception)
                {
                    throw new InvalidOperationException(
                        $"Schema script {Path.GetFileName(script)} failed: {exception.MessageText}",
                        exception);
                }
            }

            await transaction.CommitAsync();
        }
    }
}
