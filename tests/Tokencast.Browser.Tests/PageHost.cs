using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tokencast.Host;
using Tokencast.Host.Security;

namespace Tokencast.Browser.Tests;

/// <summary>The web host on a free loopback port with one planner key, and a Chromium to open its page.</summary>
public class PageHost : IAsyncLifetime
{
    /// <summary>The planner key the host accepts.</summary>
    public const string PlannerKey = "browser-test-planner-key";

    /// <summary>A key that may watch and read runs only.</summary>
    public const string ViewerKey = "browser-test-viewer-key";

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Base address of the host, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The host's services, such as its grain factory.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Opens a new browser context (empty session storage) with one page.</summary>
    public async Task<IPage> OpenPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1360, Height = 900 },
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        // The browser starts first, so a missing Chromium fails the tests before a host is left running.
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);

        _app = WebHost.Build(new WebHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Keys = [new ApiKey("planner", PlannerKey, ApiRole.Planner), new ApiKey("viewer", ViewerKey, ApiRole.Viewer)],
            ActualsFolder = ActualsFolder,
            HistoryFolder = HistoryFolder,

            // Partial bands after every block, so that a run the machine finishes in a second or two still
            // reaches the page before its end, however fast the machine is.
            ConfigureRuns = runs => runs.ProgressInterval = TimeSpan.Zero,
        });
        await _app.StartAsync();
        Address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>The actuals store the host reads, or null for the host's default.</summary>
    protected virtual string? ActualsFolder => null;

    /// <summary>The forecast history the host reads, or null for the host's default.</summary>
    protected virtual string? HistoryFolder => null;
}
