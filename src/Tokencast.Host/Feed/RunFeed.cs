using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tokencast.Grains;

namespace Tokencast.Host.Feed;

/// <summary>
/// Sends each watched run's changes to its watchers. One loop per watched run waits on the run grain for
/// the next change (<see cref="IRunGrain.WaitForChange"/>), sends it to the run's group, then waits the
/// feed interval before asking again, so that many small blocks become one message. The loop ends when
/// the run finishes or its last watcher leaves.
/// </summary>
/// <remarks>
/// Messages: <c>progress</c> (a <see cref="RunStatus"/>), <c>converged</c> (a <see cref="ConvergedMessage"/>,
/// once) and <c>finished</c> (the final <see cref="RunStatus"/>, once). A watcher may see a status whose
/// version is not above the last: ignore it.
/// </remarks>
public sealed partial class RunFeed(
    IGrainFactory grains,
    IHubContext<RunsHub> hub,
    WebHostOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<RunFeed> logger)
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(15);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<string>> _watchers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loops = new(StringComparer.Ordinal);

    /// <summary>Adds a watcher to a run and returns the run's status, or null for an unknown run.</summary>
    public async Task<RunStatus?> Subscribe(string runId, string connectionId)
    {
        var run = grains.GetGrain<IRunGrain>(runId);
        if (await run.GetDefinition() is null)
        {
            return null;
        }

        // Join the group before reading the status, so that no change falls between the two.
        await hub.Groups.AddToGroupAsync(connectionId, Group(runId));
        var status = await run.GetStatus();
        lock (_lock)
        {
            if (!_watchers.TryGetValue(runId, out var connections))
            {
                _watchers[runId] = connections = new HashSet<string>(StringComparer.Ordinal);
            }

            connections.Add(connectionId);
            if (!status.IsFinished && _loops.Add(runId))
            {
                _ = Loop(runId, status);
            }
        }

        return status;
    }

    /// <summary>Removes a watcher from a run.</summary>
    public async Task Unsubscribe(string runId, string connectionId)
    {
        lock (_lock)
        {
            if (_watchers.TryGetValue(runId, out var connections))
            {
                connections.Remove(connectionId);
            }
        }

        await hub.Groups.RemoveFromGroupAsync(connectionId, Group(runId));
    }

    /// <summary>Removes a closed connection from every run (SignalR drops it from the groups itself).</summary>
    public Task Disconnected(string connectionId)
    {
        lock (_lock)
        {
            foreach (var (runId, connections) in _watchers.ToList())
            {
                if (connections.Remove(connectionId) && connections.Count == 0 && !_loops.Contains(runId))
                {
                    _watchers.Remove(runId);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static string Group(string runId) => "run:" + runId;

    private bool HasWatchers(string runId)
    {
        lock (_lock)
        {
            if (_watchers.TryGetValue(runId, out var connections) && connections.Count > 0)
            {
                return true;
            }

            _watchers.Remove(runId);
            _loops.Remove(runId);
            return false;
        }
    }

    private async Task Loop(string runId, RunStatus first)
    {
        var stopping = lifetime.ApplicationStopping;
        var run = grains.GetGrain<IRunGrain>(runId);
        var group = hub.Clients.Group(Group(runId));
        var version = first.Version;
        var converged = false;
        try
        {
            await Task.Yield();
            while (!stopping.IsCancellationRequested && HasWatchers(runId))
            {
                var status = await run.WaitForChange(version, LongPoll);
                if (status.Version == version && !status.IsFinished)
                {
                    continue;
                }

                version = status.Version;
                await group.SendAsync("progress", status, stopping);
                if (!converged && status.ConvergedAtTrials is { } trials)
                {
                    converged = true;
                    await group.SendAsync("converged", new ConvergedMessage(runId, trials, status.Tolerance), stopping);
                }

                if (status.IsFinished)
                {
                    await group.SendAsync("finished", status, stopping);
                    break;
                }

                await Task.Delay(options.FeedInterval, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping; watchers see the connection close.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogFeedFailed(logger, exception, runId);
        }
        finally
        {
            lock (_lock)
            {
                _loops.Remove(runId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live feed of run {RunId} stopped")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception, string runId);
}
