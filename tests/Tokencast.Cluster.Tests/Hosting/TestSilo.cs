using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;
using Tokencast.Cluster.Tests.Postgres;

namespace Tokencast.Cluster.Tests.Hosting;

/// <summary>
/// A silo in its own generic host, on free loopback ports, with ADO.NET clustering, grain storage and
/// reminders on one PostgreSQL database.
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    /// <summary>The Orleans invariant name of Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The cluster id of every test silo and client.</summary>
    public const string ClusterId = "tokencast-test";

    /// <summary>The service id of every test silo and client; it scopes grain state and reminders.</summary>
    public const string ServiceId = "tokencast-test";

    /// <summary>The grain storage that keeps a row with an empty payload on clear.</summary>
    public const string StorageName = "state";

    /// <summary>The grain storage configured with <c>DeleteStateOnClear</c>, which deletes the row.</summary>
    public const string DeletingStorageName = "state-delete-on-clear";

    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host, int siloPort, int gatewayPort)
    {
        _host = host;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>The silo-to-silo port.</summary>
    public int SiloPort { get; }

    /// <summary>The gateway port clients connect to.</summary>
    public int GatewayPort { get; }

    /// <summary>The silo's service provider.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The grain factory of the client hosted in the silo.</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's address in the cluster (endpoint and generation).</summary>
    public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Starts a silo and returns once it is active in the cluster.</summary>
    public static async Task<TestSilo> StartAsync(string connectionString)
    {
        var siloPort = LoopbackPorts.FindFree();
        var gatewayPort = LoopbackPorts.FindFree();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = ClusterId;
                options.ServiceId = ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(StorageName, options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(DeletingStorageName, options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
                options.DeleteStateOnClear = true;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
        });

        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, siloPort, gatewayPort);
    }

    /// <summary>Shuts the silo down gracefully: it leaves the cluster and marks its row dead.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync();
    }

    /// <summary>Stops the silo if it still runs and releases the host.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
