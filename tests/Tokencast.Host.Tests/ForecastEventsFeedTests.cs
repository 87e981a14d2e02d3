using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Tokencast.Grains;
using Tokencast.Host.Feed;

namespace Tokencast.Host.Tests;

/// <summary>Versions published through the events grain reach the SignalR clients that watch forecasts.</summary>
public sealed class ForecastEventsFeedTests(RunningHost host) : IClassFixture<RunningHost>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private static readonly AlertNotice s_alert = new(
        new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 9), "baseline", 0.97000001m, 1.05, 1.62, "below",
        "week 2026-W06 spent $0.97, below the P10 of $1.05");

    [Fact]
    public async Task WatchForecasts_VersionPublished_SendsItWithAlerts()
    {
        await using var connection = await host.ConnectFeedAsync();
        var received = Expect(connection, "assistant-platform");
        await connection.InvokeAsync("WatchForecasts");

        await Publish(new VersionAdded("assistant-platform", 3, new DateOnly(2026, 2, 9), "weekly", [s_alert]));
        var message = await received.WaitAsync(s_timeout);

        var alert = Assert.Single(message.GetProperty("alerts").EnumerateArray());
        Assert.Equal(3, message.GetProperty("number").GetInt32());
        Assert.Equal("2026-02-09", message.GetProperty("cutOff").GetString());
        Assert.Equal("weekly", message.GetProperty("note").GetString());
        Assert.Equal(0.97000001m, alert.GetProperty("actualUsd").GetDecimal());
        Assert.Equal("below", alert.GetProperty("direction").GetString());
        Assert.Equal(s_alert.Message, alert.GetProperty("message").GetString());
    }

    [Fact]
    public async Task WatchForecasts_CalledLate_ReceivesLaterVersionsOnly()
    {
        await using var watching = await host.ConnectFeedAsync();
        await using var late = await host.ConnectFeedAsync();
        var first = Expect(watching, "late-first");
        var lateFirst = Expect(late, "late-");
        await watching.InvokeAsync("WatchForecasts");

        await Publish(new VersionAdded("late-first", 1, null, "", []));
        await first.WaitAsync(s_timeout);
        await late.InvokeAsync("WatchForecasts");
        await Publish(new VersionAdded("late-second", 1, null, "", []));
        var message = await lateFirst.WaitAsync(s_timeout);

        Assert.Equal("late-second", message.GetProperty("name").GetString());
    }

    [Fact]
    public async Task UnwatchForecasts_ThenWatchAgain_SkipsVersionBetween()
    {
        await using var connection = await host.ConnectFeedAsync();
        var received = Expect(connection, "unwatched-");
        await connection.InvokeAsync("WatchForecasts");
        await connection.InvokeAsync("UnwatchForecasts");

        await Publish(new VersionAdded("unwatched-first", 1, null, "", []));
        await connection.InvokeAsync("WatchForecasts");
        await Publish(new VersionAdded("unwatched-second", 1, null, "", []));
        var message = await received.WaitAsync(s_timeout);

        Assert.Equal("unwatched-second", message.GetProperty("name").GetString());
    }

    [Fact]
    public async Task VersionAdded_DefaultAlerts_SendsEmptyList()
    {
        await using var connection = await host.ConnectFeedAsync();
        var received = Expect(connection, "default-alerts");
        await connection.InvokeAsync("WatchForecasts");

        await Publish(new VersionAdded("default-alerts", 1, null, "", default));
        var message = await received.WaitAsync(s_timeout);

        Assert.Equal(JsonValueKind.Array, message.GetProperty("alerts").ValueKind);
        Assert.Equal(0, message.GetProperty("alerts").GetArrayLength());
    }

    /// <summary>
    /// Publishes through the events grain once the host has subscribed to it. Returns when every subscriber's
    /// call has returned, so the message is on its way to the hub's watchers.
    /// </summary>
    private async Task Publish(VersionAdded added)
    {
        await host.Services.GetRequiredService<ForecastEventRelay>().Subscribed.WaitAsync(s_timeout);
        await host.Grains.GetGrain<IForecastEventsGrain>(0).Publish(added);
    }

    /// <summary>
    /// Returns a task that completes with the first <c>versionAdded</c> message whose name starts with
    /// <paramref name="namePrefix"/>, so that the other tests' versions on the shared host do not count.
    /// </summary>
    private static Task<JsonElement> Expect(HubConnection connection, string namePrefix)
    {
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>(ForecastEventRelay.VersionAddedMessage, message =>
        {
            if (message.GetProperty("name").GetString()!.StartsWith(namePrefix, StringComparison.Ordinal))
            {
                received.TrySetResult(message);
            }
        });
        return received.Task;
    }
}
