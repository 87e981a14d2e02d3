using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tokencast.Core.Actuals;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Pricing;
using Tokencast.Core.Simulation;

namespace Tokencast.Host.Tests;

public sealed class ForecastsApiTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-forecasts-api-").FullName;
    private RunningHost _host = null!;

    private string HistoryFolder => Path.Combine(_folder, "history");

    private string ActualsFolder => Path.Combine(_folder, "actuals");

    public async Task InitializeAsync()
    {
        var history = new FolderForecastHistory(HistoryFolder);
        history.Add(Draft(seed: 1, cutOff: new DateOnly(2026, 2, 2)));
        history.Add(Draft(seed: 2, cutOff: new DateOnly(2026, 2, 9)));
        var log = Path.Combine(_folder, "log.csv");
        File.WriteAllText(log, "timestamp,feature,model,task_id,input_tokens,output_tokens\n"
            + "2026-02-02T09:00:00Z,chat,gpt-4o-mini,a,1000,100\n"
            + "2026-02-03T09:00:00Z,chat,gpt-4o-mini,b,3000,300\n");
        new ActualsStore(ActualsFolder).ImportUsage(log, new UsageImportOptions(), PriceCatalog.LoadBundled());
        _host = await RunningHost.StartAsync(new HostLimits(), ActualsFolder, HistoryFolder);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Forecasts_TwoVersions_ListsTheLatest()
    {
        var forecast = Assert.Single((await _host.Viewer.GetFromJsonAsync<JsonElement>("/api/forecasts")).EnumerateArray());

        Assert.Equal("small", forecast.GetProperty("name").GetString());
        Assert.Equal(2, forecast.GetProperty("latestVersion").GetInt32());
        Assert.Equal("2026-02-09", forecast.GetProperty("cutOff").GetString());
    }

    [Fact]
    public async Task Versions_Forecast_ListsBothOldestFirst()
    {
        var versions = await _host.Viewer.GetFromJsonAsync<JsonElement>("/api/forecasts/small/versions");

        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(0, versions[0].GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task Bands_Version_ReturnsTheStoredBytes()
    {
        var stored = new FolderForecastHistory(HistoryFolder).GetVersion("small", 1)!.BandsJson.ToArray();

        var served = await _host.Viewer.GetByteArrayAsync("/api/forecasts/small/versions/1/bands");

        Assert.Equal(stored, served);
    }

    [Fact]
    public async Task Diff_TwoVersions_ComparesTheirBranches()
    {
        var diff = await _host.Viewer.GetFromJsonAsync<JsonElement>("/api/forecasts/small/diff?from=1&to=2");

        Assert.Equal(1, diff.GetProperty("olderNumber").GetInt32());
        Assert.Equal(2, diff.GetProperty("newerNumber").GetInt32());
        Assert.True(diff.GetProperty("bands").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("/api/forecasts/other/versions", "no forecast is named other; the history has small")]
    [InlineData("/api/forecasts/small/versions/9/bands", "small has no version 9; it has versions 1 to 2")]
    [InlineData("/api/forecasts/..%2Fsecret/versions", "no forecast is named ..%2Fsecret")]
    public async Task UnknownForecastOrVersion_Returns404NamingWhatExists(string path, string detail)
    {
        var response = await _host.Viewer.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spend_Week_GivesTasksAndExactCostPerTask()
    {
        // gpt-4o-mini at $0.15 and $0.60 per million tokens: task a 0.00015 + 0.00006, task b 0.00045 + 0.00018,
        // so two tasks cost 0.00084 and one task 0.00042 on average.
        var points = await _host.Viewer.GetFromJsonAsync<JsonElement>("/api/actuals/spend?period=week");

        var week = Assert.Single(points.EnumerateArray());
        Assert.Equal("chat", week.GetProperty("feature").GetString());
        Assert.Equal(2, week.GetProperty("tasks").GetInt32());
        Assert.Equal(0.00042m, week.GetProperty("costPerTaskUsd").GetDecimal());
    }

    [Fact]
    public async Task Forecasts_NoKey_Returns401()
    {
        var response = await _host.Anonymous.GetAsync("/api/forecasts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static ForecastVersionDraft Draft(ulong seed, DateOnly cutOff)
    {
        var path = "/submitted/small.yaml";
        var bundle = new ScenarioBundle(path, System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add(path, SmallScenario.Text), null);
        var result = new ForecastEngine(bundle.Compile(), new EngineOptions(200, seed)).Run();
        return ForecastVersionDraft.Create("small", cutOff, new VersionInputs(bundle, [], 200, seed), [], $"seed {seed}", result);
    }
}
