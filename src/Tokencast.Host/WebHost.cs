using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Runs;
using Tokencast.Host.Feed;
using Tokencast.Host.Security;

namespace Tokencast.Host;

/// <summary>
/// Builds the web host: the REST API, the live feed and the page, over an embedded silo (state in memory)
/// or as a client of a running cluster.
/// </summary>
public static class WebHost
{
    /// <summary>Default address: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Seconds a 429 tells the client to wait before it retries. This is a hint only, because a run takes
    /// seconds to minutes and the host cannot tell when one ends.
    /// </summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>Path of the OpenAPI document.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>Builds the host; start it with <c>StartAsync</c> or <c>RunAsync</c>.</summary>
    /// <exception cref="ArgumentException">No keys are given, a key is too short, or a limit is not positive.</exception>
    public static WebApplication Build(WebHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Keys.Count == 0)
        {
            throw new ArgumentException("The host needs at least one key; generate one with ApiKey.GeneratePlanner().", nameof(options));
        }

        var keys = new ApiKeyStore(options.Keys);
        options.Limits.Check();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions());
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = RequestBodyLimit(options.Limits));
        builder.Logging.ClearProviders();
        options.Logging?.Invoke(builder.Logging);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.Limits);
        services.AddSingleton(keys);
        services.AddSingleton(new Examples(options.ExamplesFolder ?? Examples.ShippedFolder));
        services.TryAddSingleton<PlanCache>();
        var historyFolder = options.HistoryFolder ?? Core.History.FolderForecastHistory.DefaultFolder;
        var actualsFolder = options.ActualsFolder ?? Core.Actuals.ActualsStore.DefaultDirectory;
        services.AddSingleton(new Core.History.FolderForecastHistory(historyFolder));
        services.AddSingleton(new Core.Actuals.ActualsStore(actualsFolder));
        services.AddSingleton<RunFeed>();
        services.AddSingleton<AnalysisSlots>();
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = CompleteProblem);
        services.AddExceptionHandler<BadRequestHandler>();
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json => WireJson.ConfigureRequests(json.SerializerOptions));
        services.AddSignalR().AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions));
        services.AddOpenApi(ApiDocument.Configure);
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.ViewerPolicy, policy => policy.RequireRole(
                ApiKeyAuthentication.RoleName(ApiRole.Viewer), ApiKeyAuthentication.RoleName(ApiRole.Planner)))
            .AddPolicy(ApiKeyAuthentication.PlannerPolicy, policy => policy.RequireRole(ApiKeyAuthentication.RoleName(ApiRole.Planner)));

        if (options.ClusterConnection is { } connection)
        {
            builder.UseOrleansClient(client => client
                .UseTokencastPostgres(connection)
                .Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = options.ClusterId;
                    cluster.ServiceId = options.ServiceId;
                }));
        }
        else
        {
            // Free ports, not Orleans' fixed 11111 and 30000, so that two hosts on one machine do not share a silo.
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(EmbeddedCluster.FreeLoopbackPort(), EmbeddedCluster.FreeLoopbackPort())
                .UseTokencastMemoryStorage()
                .AddTokencastGrains(options.ConfigureRuns)

                // Scheduled reforecasts write the versions and reviews that the forecasts API serves.
                .AddTokencastReforecast(folders =>
                {
                    folders.HistoryFolder = historyFolder;
                    folders.ActualsFolder = actualsFolder;
                }));
        }

        // Registered after Orleans, so that it starts once the silo or the client has started.
        services.AddSingleton<ForecastEventRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<ForecastEventRelay>());

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTokencastPage();
        app.MapOpenApi(OpenApiPath);
        app.MapRunsApi();
        app.MapForecastsApi();
        app.MapScheduleApi();
        app.MapAnalysesApi();
        app.MapHub<RunsHub>(RunsHub.Path);
        return app;
    }

    /// <summary>Returns whether every address in <paramref name="urls"/> is on loopback.</summary>
    public static bool IsLoopbackOnly(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
            Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal),
                UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))));
    }

    /// <summary>
    /// Completes the problem details of bare status codes from Kestrel and the status code pages: the body
    /// limit of a 413, the content type of a 415 and a <c>Retry-After</c> header on a 429.
    /// </summary>
    private static void CompleteProblem(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        if (problem.Status == StatusCodes.Status413PayloadTooLarge && problem.Detail is null)
        {
            problem.Detail = BadRequestHandler.TooLarge(http);
        }

        if (problem.Status == StatusCodes.Status415UnsupportedMediaType && problem.Detail is null)
        {
            problem.Detail = BadRequestHandler.UnsupportedMediaType(http);
        }

        if (problem.Status == StatusCodes.Status429TooManyRequests && !http.Response.HasStarted)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Returns the body limit: the largest scenario with every character escaped in JSON (up to six bytes
    /// each), plus room for the other fields. Kestrel rejects larger bodies before they are read.
    /// </summary>
    private static long RequestBodyLimit(HostLimits limits) => (6L * limits.MaxScenarioBytes) + (64 * 1024);
}
