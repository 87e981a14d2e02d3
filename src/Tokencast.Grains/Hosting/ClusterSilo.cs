using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Tokencast.Grains.Reforecasting;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.Hosting;

/// <summary>Builds a silo of a cluster that keeps membership, runs and reminders in PostgreSQL.</summary>
public static class ClusterSilo
{
    /// <summary>
    /// Prefix of environment variables read as silo settings: for example
    /// <c>TOKENCAST_Membership__ProbeTimeout=00:00:02</c> sets how long a silo waits for a probe answer
    /// before it suspects the other silo (Orleans' <c>ClusterMembershipOptions</c>).
    /// </summary>
    public const string EnvironmentPrefix = "TOKENCAST_";

    /// <summary>
    /// Builds the silo host; start it with <c>StartAsync</c> or <c>RunAsync</c>. A silo that advertises an
    /// address other than loopback listens on every interface, as in a container. With no address, it
    /// advertises the host's first IPv4 address that is not loopback. <paramref name="reforecastFolders"/> sets
    /// where scheduled reforecasts read actuals and store versions; every silo of the cluster must see the same
    /// folders.
    /// </summary>
    public static IHost Build(
        SiloSettings settings,
        Action<ILoggingBuilder>? logging = null,
        Action<RunOptions>? runOptions = null,
        Action<ReforecastFolders>? reforecastFolders = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.UseOrleans(silo => ConfigureEndpoints(silo, settings)
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = settings.ClusterId;
                options.ServiceId = settings.ServiceId;
            })
            .UseTokencastPostgres(settings.ConnectionString)
            .AddTokencastGrains(runOptions)
            .AddTokencastReforecast(reforecastFolders ?? (_ => { }))
            .Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Membership")));
        return builder.Build();
    }

    private static ISiloBuilder ConfigureEndpoints(ISiloBuilder silo, SiloSettings settings) =>
        settings.AdvertisedAddress is { } address
            ? silo.ConfigureEndpoints(address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address))
            : silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
}
