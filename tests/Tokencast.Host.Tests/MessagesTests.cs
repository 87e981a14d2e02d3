using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;
using Tokencast.Grains.Runs;

namespace Tokencast.Host.Tests;

/// <summary>What error messages show: virtual paths instead of the host's, short ids and plain file names.</summary>
public sealed class MessagesTests(RunningHost host) : IClassFixture<RunningHost>
{
    [Fact]
    public async Task StartRun_ExampleWithUnknownBranch_NamesVirtualPath()
    {
        var response = await host.Client.PostAsJsonAsync("/api/runs", new RunRequest(null, Example: "assistant-platform", Branches: ["nope"]));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = body.GetProperty("detail").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("/examples/assistant-platform.yaml: branches: branch not found", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Examples.ShippedFolder, detail, StringComparison.Ordinal);
        Assert.Equal("/examples/assistant-platform.yaml", body.GetProperty("problems")[0].GetProperty("file").GetString());
    }

    [Fact]
    public void Example_Bands_EqualThoseOfTheFilesOnDisk()
    {
        var request = new RunRequest(null, Example: "assistant-platform", Trials: 300, Seed: 17);
        var definition = SubmittedScenarios.Define(request, new HostLimits(), new Examples(Examples.ShippedFolder));
        var onDisk = definition with
        {
            Scenario = ScenarioInputs.Capture(Path.Combine(Examples.ShippedFolder, "assistant-platform.yaml")).Input,
        };

        var fromExample = Run(definition);
        var fromDisk = Run(onDisk);

        Assert.Equal("/examples/assistant-platform.yaml", definition.Scenario.MainFile);
        Assert.All(definition.Scenario.Files.Keys, path => Assert.StartsWith("/examples/", path, StringComparison.Ordinal));
        Assert.Equal(fromDisk, fromExample);
    }

    [Fact]
    public async Task Validate_MissingText_NamesTextField()
    {
        var response = await host.Client.PostAsync(
            "/api/scenarios/validate", new StringContent("{\"name\":\"x.yaml\"}", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text: is empty; send the scenario's YAML or JSON", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("..", "scenario.yaml")]
    [InlineData(".", "scenario.yaml")]
    [InlineData("/", "scenario.yaml")]
    [InlineData("", "scenario.yaml")]
    [InlineData("plans/q3/platform.yaml", "platform.yaml")]
    [InlineData("..\\..\\platform.yaml", "platform.yaml")]
    [InlineData("/etc/passwd", "passwd")]
    public async Task Validate_PathAsName_UsesPlainFileName(string name, string fileName)
    {
        var text = SmallScenario.Text.Replace("gpt-4o-mini", "gpt-4o-mimi", StringComparison.Ordinal);

        var response = await host.Client.PostAsJsonAsync("/api/scenarios/validate", new SubmittedScenario(name, text));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"/submitted/{fileName}", body.GetProperty("problems")[0].GetProperty("file").GetString());
    }

    [Fact]
    public async Task Validate_ScenarioNamingAnotherFile_OffersExamples()
    {
        var text = "catalog: /etc/passwd\n" + SmallScenario.Text;

        var response = await host.Client.PostAsJsonAsync("/api/scenarios/validate", new SubmittedScenario("small.yaml", text));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var problem = body.GetProperty("problems")[0];

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("catalog", problem.GetProperty("path").GetString());
        Assert.Equal("/etc/passwd", problem.GetProperty("value").GetString());
        Assert.StartsWith("a scenario sent as text cannot read other files;", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("GET /api/examples", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/runs/{0}")]
    [InlineData("/api/runs/{0}/plan")]
    [InlineData("/api/runs/{0}/bands")]
    public async Task GetRun_LongId_Returns404WithShortId(string route)
    {
        var id = new string('a', 5000);

        var response = await host.Client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"no run has the id {new string('a', 40)}...", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CancelRun_UpperCaseId_Returns404()
    {
        var response = await host.Client.PostAsync("/api/runs/0123456789ABCDEF01234567/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static byte[] Run(Grains.RunDefinition definition)
    {
        var result = new ForecastEngine(ScenarioInputs.Compile(definition.Scenario, definition.Branches), definition.EngineOptions()).Run();
        using var stream = new MemoryStream();
        BandsJsonWriter.Write(result, stream);
        return stream.ToArray();
    }
}
