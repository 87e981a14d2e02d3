using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Tokencast.Grains;
using Tokencast.Host.Security;

namespace Tokencast.Host.Feed;

/// <summary>
/// The live feed of runs at <c>/hubs/runs</c>. A client calls <see cref="Watch"/> with a run id and gets
/// the run's current status back; from then on it receives <c>progress</c>, <c>converged</c> and
/// <c>finished</c> messages for that run (see <see cref="RunFeed"/>). A client that calls
/// <see cref="WatchForecasts"/> receives a <c>versionAdded</c> message for each version added to a tracked
/// forecast (see <see cref="ForecastEventRelay"/>).
/// </summary>
[Authorize(Policy = ApiKeyAuthentication.ViewerPolicy)]
public sealed class RunsHub(RunFeed feed) : Hub
{
    /// <summary>Path the hub is mapped at.</summary>
    public const string Path = ApiKeyAuthentication.HubPath + "/runs";

    /// <summary>Starts sending the run's updates to this connection and returns its current status.</summary>
    /// <exception cref="HubException">No run has this id.</exception>
    public async Task<RunStatus> Watch(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return await feed.Subscribe(runId, Context.ConnectionId)
            ?? throw new HubException($"no run has the id {runId}");
    }

    /// <summary>Stops sending the run's updates to this connection.</summary>
    public Task Unwatch(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return feed.Unsubscribe(runId, Context.ConnectionId);
    }

    /// <summary>Starts sending <c>versionAdded</c> messages (a <see cref="VersionAdded"/>) to this connection.</summary>
    public Task WatchForecasts() => Groups.AddToGroupAsync(Context.ConnectionId, ForecastEventRelay.Group);

    /// <summary>Stops sending <c>versionAdded</c> messages to this connection.</summary>
    public Task UnwatchForecasts() => Groups.RemoveFromGroupAsync(Context.ConnectionId, ForecastEventRelay.Group);

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception) => feed.Disconnected(Context.ConnectionId);
}
