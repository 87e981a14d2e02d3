using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Tokencast.Host.Tests;

/// <summary>The analyses under a host that accepts small scenarios and one analysis at a time.</summary>
public sealed class AnalysisLimitsTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await RunningHost.StartAsync(new HostLimits(MaxScenarioBytes: 2048, MaxTrials: 5000, MaxConcurrentRuns: 1));

    public Task DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("/api/levers")]
    [InlineData("/api/whatif")]
    [InlineData("/api/sensitivity")]
    public async Task Analysis_EverySlotTaken_Returns429WithRetryAfter(string path)
    {
        var slots = _host.Services.GetRequiredService<AnalysisSlots>();
        Assert.True(slots.TryTake());
        HttpResponseMessage response;
        try
        {
            response = await _host.Client.PostAsJsonAsync(path, Request(path, SmallScenario.Text));
        }
        finally
        {
            slots.Release();
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal(
            "1 analysis is running, the most this host allows at once (1); wait for one to finish and send the request again",
            body.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(WebHost.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Analysis_SlotFreedAgain_IsAnswered()
    {
        var slots = _host.Services.GetRequiredService<AnalysisSlots>();
        Assert.True(slots.TryTake());
        slots.Release();

        var response = await _host.Client.PostAsJsonAsync("/api/levers", Request("/api/levers", SmallScenario.Text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, slots.Running);
    }

    [Theory]
    [InlineData("/api/levers")]
    [InlineData("/api/whatif")]
    [InlineData("/api/sensitivity")]
    public async Task Analysis_ScenarioAboveLimit_Returns413WithSizes(string path)
    {
        var response = await _host.Client.PostAsJsonAsync(path, Request(path, SmallScenario.Text + new string('#', 3000)));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("accepts scenarios up to 2,048 bytes", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_TrialsAboveLimit_NamesTheLimit()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/whatif", new WhatIfRequest(
            new SubmittedScenario("small.yaml", SmallScenario.Text), Sets: ["features.chat.model=gpt-4o"], Trials: 5001));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "trials: trials must be between 1 and 5,000, the most this host runs per branch (value: 5001)",
            body.GetProperty("problems")[0].GetProperty("text").GetString());
    }

    /// <summary>Returns a valid request for the endpoint at <paramref name="path"/> with the scenario <paramref name="text"/>.</summary>
    private static object Request(string path, string text)
    {
        var scenario = new SubmittedScenario("small.yaml", text);
        return path switch
        {
            "/api/whatif" => new WhatIfRequest(scenario, Sets: ["features.chat.model=gpt-4o"], Trials: 50),
            "/api/sensitivity" => new SensitivityRequest(scenario, Trials: 50),
            _ => new LeversRequest(scenario, Trials: 50),
        };
    }
}
