using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Tokencast.Cluster.Tests.Hosting;

/// <summary>
/// An Orleans client in its own generic host that finds the cluster's gateways through the ADO.NET
/// gateway list.
/// </summary>
internal sealed class TestClient : IAsyncDisposable
{
    private readonly IHost _host;

    private TestClient(IHost host) => _host = host;

    /// <summary>The client's service provider.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The connected cluster client.</summary>
    public IClusterClient Client => Services.GetRequiredService<IClusterClient>();

    /// <summary>Starts a client and returns once it is connected to a gateway.</summary>
    public static async Task<TestClient> StartAsync(string connectionString)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = TestSilo.ClusterId;
                options.ServiceId = TestSilo.ServiceId;
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = TestSilo.Invariant;
                options.ConnectionString = connectionString;
            });
        });

        var host = builder.Build();
        await host.StartAsync();
        return new TestClient(host);
    }

    /// <summary>Closes the connection and releases the host.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
