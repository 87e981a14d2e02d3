namespace Tokencast.Grains.Runs;

/// <summary>Names the silos and clients agree on.</summary>
public static class ClusterNames
{
    /// <summary>The grain storage provider that keeps runs.</summary>
    public const string Storage = "tokencast";

    /// <summary>Cluster id used when none is given.</summary>
    public const string DefaultClusterId = "tokencast";

    /// <summary>Service id used when none is given; it keys grain state and reminders in the database.</summary>
    public const string DefaultServiceId = "tokencast";

    /// <summary>Environment variable a silo or client reads the PostgreSQL connection string from.</summary>
    public const string PostgresVariable = "TOKENCAST_POSTGRES";
}
