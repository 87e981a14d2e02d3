using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Tokencast.Cluster.Tests.Postgres;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;
using Tokencast.Grains;
using Tokencast.Grains.Runs;
using Tokencast.Host;
using Tokencast.Host.Security;

namespace Tokencast.Cluster.Tests.Forecasts;

/// <summary>The web host as a client of a cluster of <c>tokencast silo</c> processes on PostgreSQL.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class WebHostOnClusterTests(PostgresServer server)
{
    private const string Key = "cluster-planner-0123456789";
    private const string ClusterId = "tokencast-web";

    [Fact]
    public async Task StartRun_HostAsClusterClient_ServesTheCoreEngineBandsAndKeepsTheRunListed()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var request = new RunRequest(null, Example: "assistant-platform", Trials: 400, Seed: 9, BlockSize: 50);
        var definition = SubmittedScenarios.Define(request, new HostLimits(), new Examples(Examples.ShippedFolder));
        var expected = new ForecastEngine(ScenarioInputs.Compile(definition.Scenario, definition.Branches), definition.EngineOptions()).Run();
        await using var silo = await SiloProcess.StartAsync(connectionString, ClusterId);

        byte[] bands;
        await using (var host = await Host(connectionString))
        {
            var started = await host.Client.PostAsJsonAsync("/api/runs", request);
            var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
            await WaitUntilFinished(host.App.Services.GetRequiredService<IGrainFactory>(), runId);
            bands = await host.Client.GetByteArrayAsync($"/api/runs/{runId}/bands");
        }

        // A second host finds the run in the index the cluster keeps in PostgreSQL.
        await using var second = await Host(connectionString);
        var runs = await second.Client.GetFromJsonAsync<JsonElement>("/api/runs");
        var listed = Assert.Single(runs.EnumerateArray());

        Assert.Equal(Json(expected), bands);
        Assert.Equal(definition.ForecastId(), listed.GetProperty("runId").GetString());
        Assert.Equal("completed", listed.GetProperty("state").GetString());
        Assert.Equal(400, listed.GetProperty("trialsDone").GetInt32());
    }

    private static async Task<RunningWebHost> Host(string connectionString)
    {
        var app = WebHost.Build(new WebHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Keys = [new ApiKey("planner", Key, ApiRole.Planner)],
            ClusterConnection = connectionString,
            ClusterId = ClusterId,
            ServiceId = ClusterId,
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return new RunningWebHost(app, client);
    }

    private static async Task WaitUntilFinished(IGrainFactory grains, string runId)
    {
        var run = grains.GetGrain<IRunGrain>(runId);
        for (var status = await run.GetStatus(); !status.IsFinished;)
        {
            status = await run.WaitForChange(status.Version, TimeSpan.FromSeconds(10));
        }
    }

    private static byte[] Json(ForecastResult result)
    {
        using var stream = new MemoryStream();
        BandsJsonWriter.Write(result, stream);
        return stream.ToArray();
    }

    private sealed record RunningWebHost(WebApplication App, HttpClient Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
