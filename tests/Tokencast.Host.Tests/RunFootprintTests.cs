using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tokencast.Core;
using Tokencast.Grains.Runs;

namespace Tokencast.Host.Tests;

public sealed class RunFootprintTests : IAsyncLifetime
{
    private const long Limit = RunFootprint.BaseBytes + (1L << 20);
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(new HostLimits(MaxRunBytes: Limit));

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public void Estimate_NoTrials_CountsCells()
    {
        // One cohort uses one feature for two months in the one implicit branch: two cells.
        var plan = Plan();

        Assert.Equal(RunFootprint.BaseBytes + (2 * RunFootprint.BytesPerCell), RunFootprint.Estimate(plan, 0));
    }

    [Fact]
    public void Estimate_MoreTrials_GrowsLinearly()
    {
        var plan = Plan();
        var perTrial = RunFootprint.Estimate(plan, 1) - RunFootprint.Estimate(plan, 0);

        Assert.Equal(RunFootprint.Estimate(plan, 0) + (1000 * perTrial), RunFootprint.Estimate(plan, 1000));
    }

    [Fact]
    public void Check_LimitBelowFixedPart_NamesScenario()
    {
        var error = Assert.Throws<InvalidInputException>(() => RunFootprint.Check(Plan(), 1, RunFootprint.BaseBytes));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("scenario", problem.Path);
        Assert.Contains("before the first trial", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_AboveMemoryLimit_Returns400()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/runs", new RunRequest(new SubmittedScenario("small.yaml", SmallScenario.Text), Trials: 200_000));
        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")[0];

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("trials", problem.GetProperty("path").GetString());
        Assert.Matches(@"this host runs up to 0\.3 GiB per run, so at most [0-9,]+ trials fit$", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task StartRun_WithinTheMemoryLimit_IsAccepted()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/runs", new RunRequest(new SubmittedScenario("small.yaml", SmallScenario.Text), Trials: 100));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Core.Simulation.SimulationPlan Plan()
    {
        var definition = SubmittedScenarios.Define(
            new RunRequest(new SubmittedScenario("small.yaml", SmallScenario.Text)), new HostLimits(), new Examples(Examples.ShippedFolder));
        return ScenarioInputs.Compile(definition.Scenario, definition.Branches);
    }
}
