using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Tokencast.Host.Tests;

/// <summary>The live feed, through the .NET SignalR client, as a page would use it.</summary>
public sealed class FeedTests(RunningHost host) : IClassFixture<RunningHost>
{
    [Fact]
    public async Task Watch_RunThatStopsWhenConverged_SendsNarrowingUpdatesThenConvergedThenFinished()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var messages = Channel.CreateUnbounded<(string Kind, JsonElement Body)>();
        await using var connection = await Connect(messages);
        var started = await host.Client.PostAsJsonAsync(
            "/api/runs", new RunRequest(null, Example: "assistant-platform", Trials: 40_000, BlockSize: 128, Tolerance: 0.02, StopWhenConverged: true, Seed: 21));
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;

        var first = await connection.InvokeAsync<JsonElement>("Watch", runId, timeout.Token);
        var received = new List<(string Kind, JsonElement Body)>();
        await foreach (var message in messages.Reader.ReadAllAsync(timeout.Token))
        {
            received.Add(message);
            if (message.Kind == "finished")
            {
                break;
            }
        }

        var progress = received.Where(m => m.Kind == "progress").Select(m => m.Body).ToList();
        // Partial bands are refreshed about once a second, so several updates may carry the same bands.
        var withBands = progress.Where(p => p.GetProperty("branches").GetArrayLength() > 0)
            .DistinctBy(p => p.GetProperty("branches")[0].GetProperty("trials").GetInt32()).ToList();
        var converged = received.Single(m => m.Kind == "converged").Body;
        var finished = received.Single(m => m.Kind == "finished").Body;
        var versions = progress.Select(p => p.GetProperty("version").GetInt64()).Prepend(first.GetProperty("version").GetInt64()).ToList();

        Assert.Equal(runId, first.GetProperty("runId").GetString());
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.True(withBands.Count >= 2, $"{withBands.Count} updates carried bands over different trials");
        Assert.True(RelativeError(withBands[^1]) < RelativeError(withBands[0]),
            $"the P50's relative standard error went from {RelativeError(withBands[0])} to {RelativeError(withBands[^1])}");
        Assert.Equal(0.02, converged.GetProperty("tolerance").GetDouble());
        Assert.InRange(converged.GetProperty("trialsDone").GetInt32(), 1, 39_999);
        Assert.True(received.FindIndex(m => m.Kind == "converged") < received.FindIndex(m => m.Kind == "finished"));
        Assert.Equal("completed", finished.GetProperty("state").GetString());
        Assert.InRange(finished.GetProperty("trialsDone").GetInt32(), converged.GetProperty("trialsDone").GetInt32(), 39_999);
    }

    [Fact]
    public async Task Watch_FinishedRun_ReturnsItsFinalStatusFirst()
    {
        var started = await host.Client.PostAsJsonAsync("/api/runs", new RunRequest(null, Example: "assistant-platform", Trials: 200, Seed: 22));
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        var run = host.Grains.GetGrain<Grains.IRunGrain>(runId);
        for (var status = await run.GetStatus(); !status.IsFinished;)
        {
            status = await run.WaitForChange(status.Version, TimeSpan.FromSeconds(10));
        }

        await using var connection = await Connect(Channel.CreateUnbounded<(string, JsonElement)>());
        var late = await connection.InvokeAsync<JsonElement>("Watch", runId);

        Assert.Equal("completed", late.GetProperty("state").GetString());
        Assert.Equal(200, late.GetProperty("branches")[0].GetProperty("trials").GetInt32());
    }

    [Fact]
    public async Task Watch_UnknownRun_FailsWithItsId()
    {
        await using var connection = await Connect(Channel.CreateUnbounded<(string, JsonElement)>());

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Watch", "0123456789abcdef01234567"));

        Assert.Contains("no run has the id 0123456789abcdef01234567", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Relative standard error of the horizon P50 of the first branch.</summary>
    private static double RelativeError(JsonElement status)
    {
        var horizon = status.GetProperty("branches")[0].GetProperty("horizon");
        return horizon.GetProperty("standardErrors").GetProperty("p50").GetDouble() / horizon.GetProperty("p50").GetDouble();
    }

    private async Task<HubConnection> Connect(Channel<(string Kind, JsonElement Body)> messages)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "hubs/runs"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(RunningHost.ViewerKey))
            .Build();
        foreach (var kind in new[] { "progress", "converged", "finished" })
        {
            connection.On<JsonElement>(kind, body => messages.Writer.TryWrite((kind, body)));
        }

        await connection.StartAsync();
        return connection;
    }
}
