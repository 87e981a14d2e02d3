namespace Tokencast.Cluster.Tests.Postgres;

/// <summary>
/// The test collection that shares one <see cref="PostgresServer"/>. Its tests run one after another,
/// which also keeps silos of different tests from competing for the two cores of a CI machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection name used in <c>[Collection]</c> attributes.</summary>
    public const string Name = "PostgreSQL";
}
