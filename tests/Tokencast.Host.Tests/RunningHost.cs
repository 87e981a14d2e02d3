using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Tokencast.Host.Security;

namespace Tokencast.Host.Tests;

/// <summary>
/// The web host on a free loopback port with one planner and one viewer key, and HTTP clients for each
/// key and for none. Shared by a test class as a fixture, or started with other limits by a test.
/// </summary>
public class RunningHost : IAsyncLifetime
{
    public const string PlannerKey = "planner-key-0123456789abcdef";
    public const string ViewerKey = "viewer-key-0123456789abcdef";

    private readonly HostLimits _limits;
    private readonly string? _actualsFolder;
    private readonly string? _historyFolder;
    private WebApplication? _app;

    public RunningHost()
        : this(new HostLimits())
    {
    }

    protected RunningHost(HostLimits limits, string? actualsFolder = null, string? historyFolder = null)
    {
        _limits = limits;
        _actualsFolder = actualsFolder;
        _historyFolder = historyFolder;
    }

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A client that sends the planner key.</summary>
    public HttpClient Client { get; private set; } = new();

    /// <summary>A client that sends the viewer key.</summary>
    public HttpClient Viewer { get; private set; } = new();

    /// <summary>A client that sends no key.</summary>
    public HttpClient Anonymous { get; private set; } = new();

    public IGrainFactory Grains => _app!.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _app!.Services;

    public static async Task<RunningHost> StartAsync(HostLimits limits, string? actualsFolder = null, string? historyFolder = null)
    {
        var host = new RunningHost(limits, actualsFolder, historyFolder);
        await host.InitializeAsync();
        return host;
    }

    public async Task InitializeAsync()
    {
        _app = WebHost.Build(new WebHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Keys = [new ApiKey("planner", PlannerKey, ApiRole.Planner), new ApiKey("viewer", ViewerKey, ApiRole.Viewer)],
            Limits = _limits,
            ActualsFolder = _actualsFolder ?? Path.Combine(Path.GetTempPath(), "tokencast-no-actuals"),
            HistoryFolder = _historyFolder ?? Path.Combine(Path.GetTempPath(), "tokencast-no-history"),

            // Partial bands after every block, so that the live feed shows a run's progress before its end
            // however fast the machine finishes it.
            ConfigureRuns = runs => runs.ProgressInterval = TimeSpan.Zero,
        });
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = NewClient(PlannerKey);
        Viewer = NewClient(ViewerKey);
        Anonymous = NewClient(null);
    }

    /// <summary>Connects a SignalR client to the live feed with the viewer key.</summary>
    public async Task<HubConnection> ConnectFeedAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Address, "hubs/runs"), options =>
                options.AccessTokenProvider = () => Task.FromResult<string?>(ViewerKey))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Viewer.Dispose();
        Anonymous.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private HttpClient NewClient(string? key)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }
}
