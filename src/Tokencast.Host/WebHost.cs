using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tokencast.Grains.Hosting;

namespace Tokencast.Host;

/// <summary>Builds the web host with an embedded silo (in-memory state), listening on the URLs given.</summary>
/// <remarks>
/// NOTE: the API has no authentication yet, and no limits on scenario size, trials or concurrent runs.
/// No command serves it for that reason; keep it on loopback.
/// </remarks>
public static class WebHost
{
    /// <summary>Default address: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the host; start it with <c>StartAsync</c> or <c>RunAsync</c>.</summary>
    public static WebApplication Build(string urls = DefaultUrl, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions());
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.AddProblemDetails();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .UseTokencastMemoryStorage()
            .AddTokencastGrains());
        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapRunsApi();
        return app;
    }
}
