using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tokencast.Host.Tests;

public sealed class LimitsTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await RunningHost.StartAsync(new HostLimits(MaxScenarioBytes: 2048, MaxTrials: 5000, MaxConcurrentRuns: 1));

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task StartRun_TrialsAboveLimit_NamesTheLimit()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/runs", new RunRequest(new SubmittedScenario("small.yaml", SmallScenario.Text), Trials: 5001));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "trials: trials must be between 1 and 5,000, the most this host runs per branch (value: 5001)",
            body.GetProperty("problems")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task StartRun_ScenarioAboveLimit_Returns413WithSizes()
    {
        var padded = SmallScenario.Text + new string('#', 3000);

        var response = await _host.Client.PostAsJsonAsync("/api/runs", new RunRequest(new SubmittedScenario("small.yaml", padded)));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("accepts scenarios up to 2,048 bytes", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_BodyFarAboveLimit_Returns413Problem()
    {
        var huge = SmallScenario.Text + new string('#', 200_000);

        var response = await _host.Client.PostAsJsonAsync("/api/runs", new RunRequest(new SubmittedScenario("small.yaml", huge)));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        // The body limit is six bytes per scenario byte plus 64 KiB: 6 * 2,048 + 65,536 = 77,824.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("the request body is larger than this host accepts: at most 77,824 bytes", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StartRun_SecondRunAtTheLimit_Returns429()
    {
        // One trial per block over the example keeps the first run going for many seconds.
        var first = await _host.Client.PostAsJsonAsync("/api/runs", new RunRequest(null, Example: "assistant-platform", Trials: 5000, BlockSize: 1));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;

        var second = await _host.Client.PostAsJsonAsync("/api/runs", new RunRequest(new SubmittedScenario("small.yaml", SmallScenario.Text), Trials: 100));
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        await _host.Client.PostAsync($"/api/runs/{firstId}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
        Assert.StartsWith("1 run is going on, the most this host allows at once (1)", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(WebHost.RetryAfterSeconds), second.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task StartRun_AfterTheRunningOneIsCancelled_IsAdmitted()
    {
        var first = await _host.Client.PostAsJsonAsync("/api/runs", new RunRequest(null, Example: "assistant-platform", Trials: 5000, BlockSize: 1, Seed: 11));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        await _host.Client.PostAsync($"/api/runs/{firstId}/cancel", null);

        var second = await _host.Client.PostAsJsonAsync("/api/runs", new RunRequest(new SubmittedScenario("small.yaml", SmallScenario.Text), Trials: 100));

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
    }
}
