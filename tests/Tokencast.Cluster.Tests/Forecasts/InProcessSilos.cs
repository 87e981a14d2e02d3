using System.Net;
using Microsoft.Extensions.Hosting;
using Tokencast.Cluster.Tests.Postgres;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Reforecasting;

namespace Tokencast.Cluster.Tests.Forecasts;

/// <summary>Cluster silos built as <c>tokencast silo</c> builds them, hosted in the test process.</summary>
internal sealed class InProcessSilos : IAsyncDisposable
{
    private readonly List<IHost> _hosts;

    private InProcessSilos(List<IHost> hosts) => _hosts = hosts;

    /// <summary>The cluster and service id of every silo started here.</summary>
    public string ClusterId { get; } = "tokencast-restart";

    /// <summary>
    /// Starts <paramref name="count"/> silos on free loopback ports; scheduled reforecasts use the folders
    /// <paramref name="reforecastFolders"/> sets.
    /// </summary>
    public static async Task<InProcessSilos> StartAsync(
        string connectionString, int count, Action<ReforecastFolders>? reforecastFolders = null)
    {
        var hosts = new List<IHost>();
        var silos = new InProcessSilos(hosts);
        for (var i = 0; i < count; i++)
        {
            var host = ClusterSilo.Build(new SiloSettings(
                connectionString, LoopbackPorts.FindFree(), LoopbackPorts.FindFree(), IPAddress.Loopback, silos.ClusterId, silos.ClusterId),
                reforecastFolders: reforecastFolders);
            hosts.Add(host);
            await host.StartAsync();
        }

        return silos;
    }

    /// <summary>Stops every silo gracefully, as a planned restart of the whole cluster does.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
