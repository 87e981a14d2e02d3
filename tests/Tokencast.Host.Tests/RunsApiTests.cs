using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;
using Tokencast.Grains;
using Tokencast.Grains.Runs;

namespace Tokencast.Host.Tests;

public sealed class RunsApiTests(RunningHost host) : IClassFixture<RunningHost>
{
    [Fact]
    public async Task Validate_ValidScenario_ReturnsItsBranches()
    {
        var response = await host.Client.PostAsJsonAsync("/api/scenarios/validate", new SubmittedScenario("small.yaml", SmallScenario.Text));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("small", body.GetProperty("name").GetString());
        Assert.Equal(1, body.GetProperty("branches").GetArrayLength());
    }

    [Fact]
    public async Task Validate_UnknownModel_ReturnsProblemDetailsWithLine()
    {
        var response = await host.Client.PostAsJsonAsync(
            "/api/scenarios/validate", new SubmittedScenario("small.yaml", SmallScenario.Text.Replace("gpt-4o-mini", "gpt-4o-mimi", StringComparison.Ordinal)));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var problem = body.GetProperty("problems")[0];

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(6, problem.GetProperty("line").GetInt32());
        Assert.Equal("gpt-4o-mimi", problem.GetProperty("value").GetString());
        Assert.Contains("/submitted/small.yaml:6:", problem.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_SmallScenario_ServesTheEngineBands()
    {
        var request = new RunRequest(new SubmittedScenario("small.yaml", SmallScenario.Text), Trials: 300, Seed: 5, BlockSize: 64);
        var definition = SubmittedScenarios.Define(request, new HostLimits(), new Examples(Examples.ShippedFolder));
        var expected = new ForecastEngine(ScenarioInputs.Compile(definition.Scenario, definition.Branches), definition.EngineOptions()).Run();

        var started = await host.Client.PostAsJsonAsync("/api/runs", request);
        var status = await started.Content.ReadFromJsonAsync<JsonElement>();
        var runId = status.GetProperty("runId").GetString()!;
        await WaitUntilFinished(runId);
        var json = await host.Client.GetByteArrayAsync($"/api/runs/{runId}/bands");
        var csv = await host.Client.GetStringAsync($"/api/runs/{runId}/bands?format=csv");
        var upperCaseCsv = await host.Client.GetStringAsync($"/api/runs/{runId}/bands?format=CSV");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/runs/{runId}", started.Headers.Location?.ToString());
        Assert.Equal(Json(expected), json);
        Assert.StartsWith("branch,", csv, StringComparison.Ordinal);
        Assert.Equal(csv, upperCaseCsv);
    }

    [Fact]
    public async Task GetRun_UnknownId_Returns404()
    {
        var response = await host.Client.GetAsync("/api/runs/0123456789abcdef01234567");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartRun_ZeroTrials_ReturnsTheCommandLineMessage()
    {
        var response = await host.Client.PostAsJsonAsync("/api/runs", new RunRequest(new SubmittedScenario(null, SmallScenario.Text), Trials: 0));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("trials: trials must be between 1 and 200,000, the most this host runs per branch (value: 0)", body.GetProperty("problems")[0].GetProperty("text").GetString());
    }

    /// <summary>Follows the run's status changes through its grain until the run stops.</summary>
    private async Task WaitUntilFinished(string runId)
    {
        var run = host.Grains.GetGrain<IRunGrain>(runId);
        var status = await run.GetStatus();
        while (!status.IsFinished)
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
}
