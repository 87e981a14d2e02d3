using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Tokencast.Core.Actuals;
using Tokencast.Core.Pricing;
using Tokencast.Host.Feed;

namespace Tokencast.Host.Tests;

/// <summary>
/// The schedule API on a host whose embedded silo reforecasts into the history and from the actuals store
/// the host serves. The store has support-chat calls in January and February 2027, inside the months of
/// the bundled example.
/// </summary>
public sealed class ScheduleApiTests : IAsyncLifetime
{
    private const string UsageLog = """
        timestamp,feature,model,task_id,input_tokens,output_tokens
        2027-01-18T09:00:00Z,support-chat,claude-haiku-4-5,a,3000,400
        2027-01-25T09:00:00Z,support-chat,claude-haiku-4-5,b,5000,600
        2027-02-02T09:00:00Z,support-chat,claude-haiku-4-5,c,4000,500
        2027-02-09T09:00:00Z,support-chat,claude-haiku-4-5,d,6000,700

        """;

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-schedule-api-").FullName;
    private RunningHost _host = null!;

    private string HistoryFolder => Path.Combine(_folder, "history");

    private string ActualsFolder => Path.Combine(_folder, "actuals");

    public async Task InitializeAsync()
    {
        var log = Path.Combine(_folder, "usage.csv");
        await File.WriteAllTextAsync(log, UsageLog);
        new ActualsStore(ActualsFolder).ImportUsage(log, new UsageImportOptions(), PriceCatalog.LoadBundled());
        _host = await RunningHost.StartAsync(new HostLimits(), ActualsFolder, HistoryFolder);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Run_TwoCutOffs_SecondHasReviewAndIsSent()
    {
        var set = await _host.Client.PutAsJsonAsync("/api/forecasts/platform/schedule", Schedule());
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await using var connection = await _host.ConnectFeedAsync();
        var sent = ExpectVersion(connection, 2);
        await connection.InvokeAsync("WatchForecasts");
        await _host.Services.GetRequiredService<ForecastEventRelay>().Subscribed.WaitAsync(s_timeout);

        var first = await RunAsync(new DateOnly(2027, 2, 1));
        var second = await RunAsync(new DateOnly(2027, 2, 15));
        var message = await sent.WaitAsync(s_timeout);
        var review = await _host.Viewer.GetAsync("/api/forecasts/platform/versions/2/review");
        var body = await review.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.True(first.GetProperty("added").GetBoolean());
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("error").ValueKind);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal(1, body.GetProperty("comparedVersion").GetInt32());
        Assert.Equal("2027-02-01", body.GetProperty("from").GetString());
        Assert.Equal(2, body.GetProperty("weeks").GetArrayLength());
        Assert.Equal("platform", message.GetProperty("name").GetString());
        Assert.Equal("2027-02-15", message.GetProperty("cutOff").GetString());
        Assert.Equal(body.GetProperty("alerts").GetArrayLength(), message.GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task Get_AfterPut_ReturnsTheSchedule()
    {
        await _host.Client.PutAsJsonAsync("/api/forecasts/weekly/schedule", Schedule() with { Cron = "0 7 * * 2" });

        var status = await _host.Viewer.GetFromJsonAsync<JsonElement>("/api/forecasts/weekly/schedule");

        Assert.Equal("weekly", status.GetProperty("name").GetString());
        Assert.Equal("0 7 * * 2", status.GetProperty("cron").GetString());
        Assert.Equal(14, status.GetProperty("windowDays").GetInt32());
        Assert.Equal(DayOfWeek.Tuesday, status.GetProperty("nextRun").GetDateTimeOffset().DayOfWeek);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastRun").ValueKind);
    }

    [Fact]
    public async Task Delete_AfterPut_RemovesTheSchedule()
    {
        await _host.Client.PutAsJsonAsync("/api/forecasts/removed/schedule", Schedule());

        var removed = await _host.Client.DeleteAsync("/api/forecasts/removed/schedule");
        var again = await _host.Client.DeleteAsync("/api/forecasts/removed/schedule");
        var read = await _host.Viewer.GetAsync("/api/forecasts/removed/schedule");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Get_NoSchedule_Returns404WithHowToSet()
    {
        var response = await _host.Viewer.GetAsync("/api/forecasts/none/schedule");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("none has no scheduled reforecast; set one with PUT /api/forecasts/NAME/schedule",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Run_NoSchedule_Returns404()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/forecasts/none/schedule/run", new ScheduleRunRequest());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Run_CutOffBeforeLastVersion_Returns400NamingCutOff()
    {
        await _host.Client.PutAsJsonAsync("/api/forecasts/platform/schedule", Schedule());
        await RunAsync(new DateOnly(2027, 2, 15));

        var response = await _host.Client.PostAsJsonAsync(
            "/api/forecasts/platform/schedule/run", new ScheduleRunRequest(new DateOnly(2027, 2, 1)));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        var paths = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cutOff", paths);
    }

    [Fact]
    public async Task Put_InvalidFields_Returns400NamingEachField()
    {
        var request = Schedule() with { Cron = "every monday", WindowDays = 0, AlertLow = 90, AlertHigh = 10 };

        var response = await _host.Client.PutAsJsonAsync("/api/forecasts/invalid/schedule", request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        var paths = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cron", paths);
        Assert.Contains("windowDays", paths);
        Assert.Contains("alertLow", paths);
    }

    [Theory]
    [InlineData("{ \"example\": \"assistant-platform\", \"windowDays\": \"28\" }", "windowDays")]
    [InlineData("{ \"example\": \"assistant-platform\", \"every\": \"monday\" }", "every")]
    public async Task Put_NotStrictJson_Returns400NamingTheField(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await _host.Client.PutAsync("/api/forecasts/strict/schedule", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ViewerKey_Returns403()
    {
        var response = await _host.Viewer.PutAsJsonAsync("/api/forecasts/platform/schedule", Schedule());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Put_InvalidName_Returns400()
    {
        var response = await _host.Client.PutAsJsonAsync("/api/forecasts/Not%20A%20Name/schedule", Schedule());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Schedule_DocumentsEveryMethod()
    {
        var document = await _host.Anonymous.GetFromJsonAsync<JsonElement>(WebHost.OpenApiPath);

        var paths = document.GetProperty("paths");
        var schedule = paths.GetProperty("/api/forecasts/{name}/schedule");
        var methods = schedule.EnumerateObject().Select(m => m.Name).Where(m => m != "parameters").Order(StringComparer.Ordinal);
        Assert.Equal(["delete", "get", "put"], methods);
        Assert.True(paths.GetProperty("/api/forecasts/{name}/schedule/run").TryGetProperty("post", out _));
    }

    private static ScheduleRequest Schedule() =>
        new(Example: "assistant-platform", WindowDays: 14, Trials: 200, Seed: 7);

    private async Task<JsonElement> RunAsync(DateOnly cutOff)
    {
        var response = await _host.Client.PostAsJsonAsync("/api/forecasts/platform/schedule/run", new ScheduleRunRequest(cutOff));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<JsonElement> ExpectVersion(HubConnection connection, int number)
    {
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>(ForecastEventRelay.VersionAddedMessage, message =>
        {
            if (message.GetProperty("number").GetInt32() == number)
            {
                received.TrySetResult(message);
            }
        });
        return received.Task;
    }
}
