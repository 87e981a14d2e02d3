using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Tokencast.Grains.Hosting;

/// <summary>A client connected to a running cluster that keeps its membership in PostgreSQL.</summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host) => _host = host;

    /// <summary>Grain factory of the connection.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects to the cluster and returns once it is connected to a gateway.</summary>
    public static async Task<ClusterClient> ConnectAsync(
        string connectionString,
        string clusterId,
        string serviceId,
        Action<ILoggingBuilder>? logging = null,
        CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.UseOrleansClient(client => client
            .UseTokencastPostgres(connectionString)
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = serviceId;
            }));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterClient(host);
    }

    /// <summary>Closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
