using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tokencast.Core.Actuals;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Pricing;
using Tokencast.Core.Simulation;
using Tokencast.Core.Variance;

namespace Tokencast.Host.Tests;

public sealed class ForecastsApiTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-forecasts-api-").FullName;
    private RunningHost _host = null!;

    // The parts of each feature add up to its actual minus forecast: chat -0.30 + 0 - 0.10 + 0.05 - 0.01 = -0.36,
    // search 0.02 + 0.01 + 0 + 0 + 0.00000001 = 0.03000001. The total is their sum, part by part.
    private static readonly VarianceParts s_chat = new(1.20m, 0.84m, -0.30m, 0m, -0.10m, 0.05m, -0.01m);
    private static readonly VarianceParts s_search = new(0.10m, 0.13000001m, 0.02m, 0.01m, 0m, 0m, 0.00000001m);
    private static readonly PeriodReview s_review = new(
        1, "baseline", 10, 90, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 9), null,
        new VarianceExplanation(
            new VarianceParts(1.30m, 0.97000001m, -0.28m, 0.01m, -0.10m, 0.05m, -0.00999999m),
            new Dictionary<string, VarianceParts> { ["chat"] = s_chat, ["search"] = s_search }),
        [new WeekCheck(new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 9), 0.97000001m, 1.05, 1.62, "below")],
        [new SpendAlert(new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 9), "baseline", 0.97000001m, 1.05, 1.62, "below",
            "week 2026-W06 spent $0.97, below the P10 of $1.05")],
        0, [], 0.97000001m, 0.95m);

    private string HistoryFolder => Path.Combine(_folder, "history");

    private string ActualsFolder => Path.Combine(_folder, "actuals");

    public async Task InitializeAsync()
    {
        var history = new FolderForecastHistory(HistoryFolder);
        history.Add(Draft(seed: 1, cutOff: new DateOnly(2026, 2, 2)));
        history.Add(Draft(seed: 2, cutOff: new DateOnly(2026, 2, 9)));
        ReviewFile.Write(ReviewFile.PathOf(HistoryFolder, "small", 2), 2, s_review);
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
    public async Task Review_SecondVersion_ReturnsExactTotals()
    {
        var review = await _host.Viewer.GetFromJsonAsync<JsonElement>("/api/forecasts/small/versions/2/review");

        var total = review.GetProperty("explanation").GetProperty("total");
        Assert.Equal(1, review.GetProperty("comparedVersion").GetInt32());
        Assert.Equal("baseline", review.GetProperty("branch").GetString());
        Assert.Equal(JsonValueKind.Number, total.GetProperty("actualUsd").ValueKind);
        Assert.Equal(1.30m, total.GetProperty("forecastUsd").GetDecimal());
        Assert.Equal(0.97000001m, total.GetProperty("actualUsd").GetDecimal());
        Assert.Equal(-0.32999999m, total.GetProperty("differenceUsd").GetDecimal());
        Assert.Equal(-0.00999999m, total.GetProperty("cacheHitRateUsd").GetDecimal());
        Assert.Equal(0.95m, review.GetProperty("billedUsd").GetDecimal());
    }

    [Fact]
    public async Task Review_SecondVersion_KeepsFeaturesWeeksAndAlerts()
    {
        var review = await _host.Viewer.GetFromJsonAsync<JsonElement>("/api/forecasts/small/versions/2/review");

        var features = review.GetProperty("explanation").GetProperty("features");
        var week = Assert.Single(review.GetProperty("weeks").EnumerateArray());
        var alert = Assert.Single(review.GetProperty("alerts").EnumerateArray());
        Assert.Equal(["chat", "search"], features.EnumerateObject().Select(f => f.Name));
        Assert.Equal(-0.30m, features.GetProperty("chat").GetProperty("volumeUsd").GetDecimal());
        Assert.Equal(0.03000001m, features.GetProperty("search").GetProperty("differenceUsd").GetDecimal());
        Assert.Equal("2026-02-02", week.GetProperty("weekStart").GetString());
        Assert.Equal("below", week.GetProperty("status").GetString());
        Assert.Equal(1.05, week.GetProperty("lowUsd").GetDouble());
        Assert.Equal("below", alert.GetProperty("direction").GetString());
    }

    [Theory]
    [InlineData("/api/forecasts/small/versions/1/review",
        "version 1 of small closed no period: it is the first version or was made without actuals")]
    [InlineData("/api/forecasts/small/versions/9/review", "small has no version 9; it has versions 1 to 2")]
    [InlineData("/api/forecasts/other/versions/2/review", "no forecast is named other; the history has small")]
    public async Task Review_NoReview_Returns404SayingWhy(string path, string detail)
    {
        var response = await _host.Viewer.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenApi_Review_IsDocumented()
    {
        var document = await _host.Anonymous.GetFromJsonAsync<JsonElement>(WebHost.OpenApiPath);

        var path = document.GetProperty("paths").GetProperty("/api/forecasts/{name}/versions/{number}/review");
        Assert.True(path.GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
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
