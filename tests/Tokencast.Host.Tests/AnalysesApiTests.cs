using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Inputs;
using Tokencast.Core.Levers;
using Tokencast.Core.Reporting;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

namespace Tokencast.Host.Tests;

/// <summary>
/// The lever, what-if and sensitivity endpoints: their numbers against the core library called directly on
/// the same example, and their answers to invalid requests.
/// </summary>
public sealed class AnalysesApiTests(RunningHost host) : IClassFixture<RunningHost>
{
    private const string Levers = "support-levers";
    private const string Platform = "assistant-platform";
    private const string ToStandard = "features.ticket-summary.model=standard";

    [Fact]
    public async Task Levers_Example_MatchesCoreReport()
    {
        var expected = LeverAnalysis.Analyse(Bundle(Levers), new LeverOptions(Seed: 7, Trials: 200));

        var response = await host.Client.PostAsJsonAsync("/api/levers", new LeversRequest(Example: Levers, Trials: 200));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var features = body.GetProperty("features").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7UL, body.GetProperty("seed").GetUInt64());
        Assert.Equal(expected.Features.Select(f => f.Feature), features.Select(f => f.GetProperty("feature").GetString()));
        for (var f = 0; f < features.Count; f++)
        {
            var points = features[f].GetProperty("points").EnumerateArray().ToList();
            var expectedPoints = expected.Features[f].Points;
            Assert.Equal(expectedPoints.Select(p => p.Label), points.Select(p => p.GetProperty("label").GetString()));
            Assert.Equal(expectedPoints.Select(p => p.Cost.MeanUsd), points.Select(p => p.GetProperty("cost").GetProperty("meanUsd").GetDouble()));
            Assert.Equal(expectedPoints.Select(p => p.Quality?.Value), points.Select(QualityValue));
            Assert.Equal(expected.Features[f].Knee.Point?.Label, KneeLabel(features[f]));
        }
    }

    [Fact]
    public async Task Levers_TicketSummary_KneeIsStandardTier()
    {
        var response = await host.Client.PostAsJsonAsync("/api/levers", new LeversRequest(Example: Levers, Feature: "ticket-summary", Trials: 200));
        var feature = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features")[0];
        var toKnee = feature.GetProperty("moves").GetProperty("toKnee");

        Assert.Equal("model=standard", KneeLabel(feature));
        Assert.Equal("model=flagship", feature.GetProperty("current").GetProperty("label").GetString());
        Assert.True(toKnee.GetProperty("costDeltaUsd").GetDouble() < 0);

        // The eval file gives the flagship 0.93 and the standard tier 0.88, so the move loses 0.05.
        Assert.Equal(-0.05, toKnee.GetProperty("qualityDelta").GetDouble(), 9);
    }

    [Fact]
    public async Task Levers_Csv_IsTheCoreCsv()
    {
        var report = LeverAnalysis.Analyse(Bundle(Levers), new LeverOptions(Seed: 3, Trials: 100));
        var expected = Write(writer => LeversCsvWriter.Write(report, writer));

        var response = await host.Client.PostAsJsonAsync("/api/levers?format=csv", new LeversRequest(Example: Levers, Trials: 100, Seed: 3));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Levers_SvgOfFeature_IsTheCoreChart()
    {
        var report = LeverAnalysis.Analyse(Bundle(Levers), new LeverOptions(Seed: 7, Trials: 100, Feature: "support-chat"));
        var expected = Write(writer => QualityCostChartSvg.Write(report.Features[0], writer));

        var response = await host.Client.PostAsJsonAsync(
            "/api/levers?format=svg&feature=support-chat", new LeversRequest(Example: Levers, Trials: 100));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Levers_SvgWithoutFeature_NamesTheField()
    {
        var problem = await ProblemAsync(await host.Client.PostAsJsonAsync("/api/levers?format=svg", new LeversRequest(Example: Levers)));

        Assert.Equal("feature", problem.GetProperty("path").GetString());
        Assert.Contains("add ?feature=F", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Levers_UnknownFeature_ListsTheFeatures()
    {
        var problem = await ProblemAsync(await host.Client.PostAsJsonAsync(
            "/api/levers", new LeversRequest(Example: Levers, Feature: "ticket-sumary", Trials: 10)));

        Assert.Equal("ticket-sumary", problem.GetProperty("value").GetString());
        Assert.Equal("feature not found; the scenario has: support-chat, ticket-summary", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Levers_FeatureInQueryAndBodyDiffer_Returns400()
    {
        var problem = await ProblemAsync(await host.Client.PostAsJsonAsync(
            "/api/levers?feature=support-chat", new LeversRequest(Example: Levers, Feature: "ticket-summary")));

        Assert.Equal("feature", problem.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("/api/levers?format=png", "json, csv or svg")]
    [InlineData("/api/whatif?format=svg", "json or csv")]
    [InlineData("/api/sensitivity?format=xml", "json or csv")]
    public async Task Analysis_UnknownFormat_NamesTheFormats(string path, string formats)
    {
        var response = await host.Client.PostAsJsonAsync(path, new { example = Levers });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith($"is not a format; use {formats}", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_ModelChange_MatchesCoreComparison()
    {
        var expected = WhatIf.Compare(Bundle(Levers), [SetOverride.Parse(ToStandard)], new WhatIfOptions(300, 7));

        var response = await host.Client.PostAsJsonAsync("/api/whatif", new WhatIfRequest(Example: Levers, Sets: [ToStandard], Trials: 300));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var branch = body.GetProperty("branches")[0];
        var summary = branch.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("feature").GetString() == "ticket-summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Branches[0].Branch, branch.GetProperty("branch").GetString());
        Assert.Equal(expected.Branches[0].Before.P50, branch.GetProperty("before").GetProperty("p50").GetDouble());
        Assert.Equal(expected.Branches[0].After.P50, branch.GetProperty("after").GetProperty("p50").GetDouble());
        Assert.Equal(expected.Branches[0].Change.P50, branch.GetProperty("change").GetProperty("p50").GetDouble());
        Assert.Equal(expected.Branches[0].Change.P90, branch.GetProperty("change").GetProperty("p90").GetDouble());
        Assert.True(summary.GetProperty("changed").GetBoolean());
        Assert.Equal(0.93, summary.GetProperty("qualityBefore").GetProperty("value").GetDouble(), 9);
        Assert.Equal(0.88, summary.GetProperty("qualityAfter").GetProperty("value").GetDouble(), 9);
        Assert.Equal("features.ticket-summary.model", body.GetProperty("sets")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task WhatIf_Csv_IsTheCoreCsv()
    {
        var result = WhatIf.Compare(Bundle(Levers), [SetOverride.Parse(ToStandard)], new WhatIfOptions(100, 2));
        var expected = Write(writer => WhatIfCsvWriter.Write(result, writer));

        var response = await host.Client.PostAsJsonAsync(
            "/api/whatif?format=csv", new WhatIfRequest(Example: Levers, Sets: [ToStandard], Trials: 100, Seed: 2));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhatIf_BadSecondSet_NamesEntryAndPath()
    {
        var response = await host.Client.PostAsJsonAsync("/api/whatif", new WhatIfRequest(
            Example: Levers, Sets: [ToStandard, "features.support-chat.modle=budget"], Trials: 10));
        var problem = await ProblemAsync(response);

        Assert.Equal("sets[1]", problem.GetProperty("file").GetString());
        Assert.Equal("features.support-chat.modle", problem.GetProperty("path").GetString());
        Assert.StartsWith("sets[1]: features.support-chat.modle: ", problem.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_UnknownFeatureInSecondSet_NamesTheEntry()
    {
        var response = await host.Client.PostAsJsonAsync("/api/whatif", new WhatIfRequest(
            Example: Levers, Sets: [ToStandard, "features.ticket-sumary.model=budget"], Trials: 10));
        var problem = await ProblemAsync(response);

        Assert.Equal("sets[1]", problem.GetProperty("file").GetString());
        Assert.Contains("ticket-sumary", problem.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_UnknownModel_NamesTheEntry()
    {
        var problem = await ProblemAsync(await host.Client.PostAsJsonAsync("/api/whatif", new WhatIfRequest(
            Example: Levers, Sets: ["features.ticket-summary.model=gpt-9"], Trials: 10)));

        Assert.Equal("sets[0]", problem.GetProperty("file").GetString());
        Assert.Contains("gpt-9", problem.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_EntryWithoutEquals_NamesTheEntry()
    {
        var problem = await ProblemAsync(await host.Client.PostAsJsonAsync("/api/whatif", new WhatIfRequest(
            Example: Levers, Sets: [ToStandard, "features.chat.model"])));

        Assert.Equal("sets[1]", problem.GetProperty("file").GetString());
        Assert.Equal("features.chat.model", problem.GetProperty("value").GetString());
    }

    [Fact]
    public async Task WhatIf_NoSets_Returns400()
    {
        var problem = await ProblemAsync(await host.Client.PostAsJsonAsync("/api/whatif", new WhatIfRequest(Example: Levers, Sets: [])));

        Assert.Equal("sets", problem.GetProperty("path").GetString());
    }

    [Fact]
    public async Task WhatIf_MisspelledField_NamesTheFields()
    {
        var response = await host.Client.PostAsJsonAsync("/api/whatif", new { example = Levers, set = new[] { ToStandard } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("set: is not a field of this request; the fields are scenario, example, sets, branch, trials, seed",
            body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_UnknownBranch_Returns400()
    {
        var response = await host.Client.PostAsJsonAsync("/api/whatif", new WhatIfRequest(
            Example: Levers, Sets: [ToStandard], Branch: "stretch", Trials: 10));
        var problem = await ProblemAsync(response);

        Assert.Contains("stretch", problem.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensitivity_Example_MatchesCoreRanking()
    {
        var (_, expected) = ForecastSensitivity.Run(Bundle(Platform).Compile(["baseline"]), new EngineOptions(200, 9));

        var response = await host.Client.PostAsJsonAsync(
            "/api/sensitivity", new SensitivityRequest(Example: Platform, Branch: "baseline", Trials: 200, Seed: 9));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var branch = body.GetProperty("branches").EnumerateArray().Single();
        var inputs = branch.GetProperty("inputs").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(inputs);
        Assert.Equal(expected[0].Inputs.Select(i => i.Input), inputs.Select(i => i.GetProperty("input").GetString()));
        Assert.Equal(expected[0].Inputs.Select(i => i.TornadoSwing), inputs.Select(i => i.GetProperty("tornadoSwing").GetDouble()));
        Assert.Equal(expected[0].Inputs.Select(i => i.LowDecileOutputMedian),
            inputs.Select(i => i.GetProperty("lowDecileOutputMedian").GetDouble()));
        Assert.Equal(expected[0].HorizonMedianUsd, branch.GetProperty("horizonMedianUsd").GetDouble());
        Assert.Equal(expected[0].ExplainedVarianceShare, branch.GetProperty("explainedVarianceShare").GetDouble());
        Assert.Equal(expected[0].VarianceIndexNullLevel, branch.GetProperty("varianceIndexNullLevel").GetDouble());
        Assert.Equal(200, body.GetProperty("trials").GetInt32());
    }

    [Fact]
    public async Task Sensitivity_Csv_IsTheCoreCsv()
    {
        var (_, ranking) = ForecastSensitivity.Run(Bundle(Platform).Compile(), new EngineOptions(100, 4));
        var expected = Write(writer => SensitivityCsvWriter.Write(ranking, writer));

        var response = await host.Client.PostAsJsonAsync(
            "/api/sensitivity?format=csv", new SensitivityRequest(Example: Platform, Trials: 100, Seed: 4));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sensitivity_NineTrials_NamesTheMinimum()
    {
        var problem = await ProblemAsync(await host.Client.PostAsJsonAsync(
            "/api/sensitivity", new SensitivityRequest(Example: Platform, Trials: 9)));

        Assert.Equal("trials", problem.GetProperty("path").GetString());
        Assert.StartsWith("trials must be between 10 and 200,000", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensitivity_ScenarioText_RanksItsAssumptions()
    {
        var text = SmallScenario.Text.Replace("users: 1000", "users: {uniform: {min: 500, max: 1500}}", StringComparison.Ordinal);

        var response = await host.Client.PostAsJsonAsync(
            "/api/sensitivity", new SensitivityRequest(new SubmittedScenario("small.yaml", text), Trials: 100));
        var inputs = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("branches")[0].GetProperty("inputs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cohorts.smb.users", inputs[0].GetProperty("input").GetString());
        Assert.True(inputs[0].GetProperty("spearmanCorrelation").GetDouble() > 0.9);
    }

    [Theory]
    [InlineData("/api/levers")]
    [InlineData("/api/whatif")]
    [InlineData("/api/sensitivity")]
    public async Task Analysis_TrialsAboveLimit_NamesTheLimit(string path)
    {
        object request = path switch
        {
            "/api/whatif" => new WhatIfRequest(Example: Levers, Sets: [ToStandard], Trials: 200_001),
            "/api/sensitivity" => new SensitivityRequest(Example: Levers, Trials: 200_001),
            _ => new LeversRequest(Example: Levers, Trials: 200_001),
        };
        var response = await host.Client.PostAsJsonAsync(path, request);
        var problem = await ProblemAsync(response);

        Assert.Equal("trials", problem.GetProperty("path").GetString());
        Assert.EndsWith("and 200,000, the most this host runs per branch", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/levers")]
    [InlineData("/api/whatif")]
    [InlineData("/api/sensitivity")]
    public async Task Analysis_ViewerKey_Returns403(string path)
    {
        var response = await host.Viewer.PostAsJsonAsync(path, new { example = Levers });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("planner key", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/levers")]
    [InlineData("/api/whatif")]
    [InlineData("/api/sensitivity")]
    public async Task Analysis_NoKey_Returns401(string path)
    {
        var response = await host.Anonymous.PostAsJsonAsync(path, new { example = Levers });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Analysis_ExampleAndScenario_Returns400()
    {
        var problem = await ProblemAsync(await host.Client.PostAsJsonAsync(
            "/api/levers", new LeversRequest(new SubmittedScenario("small.yaml", SmallScenario.Text), Levers)));

        Assert.Equal("example", problem.GetProperty("path").GetString());
    }

    [Fact]
    public async Task OpenApi_ListsTheAnalyses()
    {
        var paths = (await host.Anonymous.GetFromJsonAsync<JsonElement>(WebHost.OpenApiPath)).GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/levers", out _));
        Assert.True(paths.TryGetProperty("/api/whatif", out _));
        Assert.True(paths.TryGetProperty("/api/sensitivity", out _));
    }

    private static ScenarioBundle Bundle(string example)
    {
        var input = new Examples(Examples.ShippedFolder).Get(example);
        return new ScenarioBundle(input.MainFile, input.Files, input.CatalogFile);
    }

    private static string Write(Action<TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }

    private static double? QualityValue(JsonElement point) =>
        point.GetProperty("quality") is { ValueKind: JsonValueKind.Object } quality ? quality.GetProperty("value").GetDouble() : null;

    private static string? KneeLabel(JsonElement feature) =>
        feature.GetProperty("knee").GetProperty("point") is { ValueKind: JsonValueKind.Object } knee ? knee.GetProperty("label").GetString() : null;

    /// <summary>Checks that the response is a 400 with input problems and returns the first.</summary>
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return body.GetProperty("problems")[0];
    }
}
