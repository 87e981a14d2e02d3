using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Storage;
using Tokencast.Grains.Placement;
using Tokencast.Grains.Reforecasting;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.Hosting;

/// <summary>Adds Tokencast's grains and their storage to an Orleans silo.</summary>
public static class SiloSetup
{
    /// <summary>The ADO.NET invariant name of Npgsql, the PostgreSQL driver.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Adds the services the grains share on a silo (plan and task-cost pool caches) and stores grain state
    /// with Orleans' own serializer, so persisted records keep their ids and aliases.
    /// </summary>
    public static ISiloBuilder AddTokencastGrains(this ISiloBuilder silo, Action<RunOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddPlacementDirector<SpreadPlacement, SpreadPlacementDirector>();
        silo.Services.AddSingleton<PlanCache>();
        silo.Services.AddSingleton<PoolCache>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddOptions<RunOptions>().Configure(options => configure?.Invoke(options));
        silo.Services.AddSingleton<IGrainStorageSerializer>(
            services => new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
        return silo;
    }

    /// <summary>
    /// Sets where scheduled reforecasts read actuals and store versions; without it they use the defaults of
    /// <see cref="ReforecastFolders"/> in the silo's working directory. Every silo of a cluster must see the
    /// same folders, since a schedule may run on any of them.
    /// </summary>
    public static ISiloBuilder AddTokencastReforecast(this ISiloBuilder silo, Action<ReforecastFolders> configure)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configure);
        silo.Services.AddOptions<ReforecastFolders>().Configure(configure);
        return silo;
    }

    /// <summary>Keeps runs and reminders in memory: the embedded default, where nothing outlives the process.</summary>
    public static ISiloBuilder UseTokencastMemoryStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.AddMemoryGrainStorage(ClusterNames.Storage).UseInMemoryReminderService();
    }

    /// <summary>
    /// Uses PostgreSQL for cluster membership, grain state and reminders through the Orleans ADO.NET
    /// providers; the database needs the schema of <c>deploy/sql/</c>.
    /// </summary>
    public static ISiloBuilder UseTokencastPostgres(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return silo
            .UseAdoNetClustering(options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = connectionString;
            })
            .AddAdoNetGrainStorage(ClusterNames.Storage, options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = connectionString;
            })
            .UseAdoNetReminderService(options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = connectionString;
            });
    }

    /// <summary>Makes a client find the cluster's gateways in PostgreSQL.</summary>
    public static IClientBuilder UseTokencastPostgres(this IClientBuilder client, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return client.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = connectionString;
        });
    }
}
