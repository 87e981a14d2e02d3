using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Tokencast.Grains.Reforecasting;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.Hosting;

/// <summary>
/// One or more silos in this process on loopback ports, with in-memory state and reminders: the default
/// when no cluster is configured. Several silos let placement and failure be tried on one machine; the
/// first silo keeps the membership table, so it must stay up.
/// </summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly List<IHost> _silos;

    private EmbeddedCluster(List<IHost> silos) => _silos = silos;

    /// <summary>The silos, first one first.</summary>
    public IReadOnlyList<IHost> Silos => _silos;

    /// <summary>Grain factory of the first silo, for calls made from this process.</summary>
    public IGrainFactory Grains => _silos[0].Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// Starts <paramref name="silos"/> silos and returns once all have joined. <paramref name="reforecastFolders"/>
    /// sets where scheduled reforecasts read actuals and store versions; by default the folders of
    /// <see cref="ReforecastFolders"/> in the working directory.
    /// </summary>
    public static async Task<EmbeddedCluster> StartAsync(
        int silos = 1,
        Action<ILoggingBuilder>? logging = null,
        Action<RunOptions>? runOptions = null,
        Action<ReforecastFolders>? reforecastFolders = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        var clusterId = "tokencast-embedded-" + Guid.NewGuid().ToString("N")[..8];
        var ports = Enumerable.Range(0, silos).Select(_ => (Silo: FreeLoopbackPort(), Gateway: FreeLoopbackPort())).ToList();
        var primary = new IPEndPoint(IPAddress.Loopback, ports[0].Silo);
        var hosts = new List<IHost>(silos);
        try
        {
            foreach (var (siloPort, gatewayPort) in ports)
            {
                var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
                builder.Logging.ClearProviders();
                logging?.Invoke(builder.Logging);
                builder.UseOrleans(silo => silo
                    .UseLocalhostClustering(siloPort, gatewayPort, primary, ClusterNames.DefaultServiceId, clusterId)
                    .Configure<ClusterMembershipOptions>(options => options.ProbeTimeout = TimeSpan.FromSeconds(2))
                    .UseTokencastMemoryStorage()
                    .AddTokencastGrains(runOptions)
                    .AddTokencastReforecast(reforecastFolders ?? (_ => { })));
                var host = builder.Build();
                hosts.Add(host);
                await host.StartAsync(cancellationToken);
            }
        }
        catch
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }

            throw;
        }

        return new EmbeddedCluster(hosts);
    }

    /// <summary>Stops the silos, the first one last.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _silos.Count - 1; i >= 0; i--)
        {
            await _silos[i].StopAsync();
            _silos[i].Dispose();
        }
    }

    /// <summary>
    /// Returns a TCP port that is free on loopback now, as the system picks it for port 0. Another process
    /// may take it before the caller binds it.
    /// </summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
