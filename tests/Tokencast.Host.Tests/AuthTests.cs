using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Tokencast.Host.Tests;

public sealed class AuthTests(RunningHost host) : IClassFixture<RunningHost>
{
    private static readonly RunRequest Example = new(null, Example: "assistant-platform", Trials: 64, BlockSize: 64);

    [Fact]
    public async Task ListRuns_NoKey_Returns401Problem()
    {
        var response = await host.Anonymous.GetAsync("/api/runs");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Authorization: Bearer KEY", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRuns_UnknownKey_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Add("X-Api-Key", "not-a-key-of-this-host-at-all");

        var response = await host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListRuns_ViewerKeyInHeader_Returns200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Add("X-Api-Key", RunningHost.ViewerKey);

        var response = await host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(RunningHost.ViewerKey, "viewer", "viewer")]
    [InlineData(RunningHost.PlannerKey, "planner", "planner")]
    public async Task Me_Key_ReturnsItsNameAndRole(string key, string name, string role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("X-Api-Key", key);

        var me = await (await host.Anonymous.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(name, me.GetProperty("name").GetString());
        Assert.Equal(role, me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task StartRun_ViewerKey_Returns403Problem()
    {
        var response = await host.Viewer.PostAsJsonAsync("/api/runs", Example);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("planner key", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_ViewerKey_StartsNothing()
    {
        var request = Example with { Seed = 404 };
        var runId = SubmittedScenarios.Define(request, new HostLimits(), new Examples(Examples.ShippedFolder)).ForecastId();

        await host.Viewer.PostAsJsonAsync("/api/runs", request);

        Assert.Null(await host.Grains.GetGrain<Grains.IRunGrain>(runId).GetDefinition());
    }

    [Fact]
    public async Task Validate_ViewerKey_Returns403()
    {
        var response = await host.Viewer.PostAsJsonAsync("/api/scenarios/validate", new SubmittedScenario("x.yaml", "name: x"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CancelRun_NoKey_Returns401()
    {
        var response = await host.Anonymous.PostAsync("/api/runs/0123456789abcdef01234567/cancel", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_NoKey_DescribesTheRunsEndpointAndHowToSendAKey()
    {
        var document = await host.Anonymous.GetFromJsonAsync<JsonElement>(WebHost.OpenApiPath);
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/runs", out _));
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Hub_NoKey_RefusesTheConnection()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.Address, "hubs/runs")).Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Hub_ViewerKey_WatchesAStartedRun()
    {
        var started = await host.Client.PostAsJsonAsync("/api/runs", Example with { Seed = 7 });
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "hubs/runs"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(RunningHost.ViewerKey))
            .Build();
        await connection.StartAsync();

        var status = await connection.InvokeAsync<JsonElement>("Watch", runId);

        Assert.Equal(runId, status.GetProperty("runId").GetString());
    }
}
