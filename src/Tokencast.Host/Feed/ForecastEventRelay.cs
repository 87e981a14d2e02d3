using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tokencast.Grains;

namespace Tokencast.Host.Feed;

/// <summary>
/// Forwards forecast events from the cluster to the live feed. While the host runs, this service is an
/// observer of <see cref="IForecastEventsGrain"/> (key 0): it subscribes at start, renews the subscription
/// every <see cref="RenewInterval"/>, and unsubscribes at stop. Each <see cref="VersionAdded"/> goes to the
/// hub connections that called <see cref="RunsHub.WatchForecasts"/>, as a <c>versionAdded</c> message.
/// </summary>
public sealed partial class ForecastEventRelay(
    IGrainFactory grains,
    IHubContext<RunsHub> hub,
    ILogger<ForecastEventRelay> logger)
    : BackgroundService, IForecastEventsObserver
{
    /// <summary>SignalR group of the connections that watch forecast events.</summary>
    public const string Group = "forecast-events";

    /// <summary>Name of the hub message that carries a <see cref="VersionAdded"/>.</summary>
    public const string VersionAddedMessage = "versionAdded";

    /// <summary>
    /// Time between renewals: a third of the subscription's lifetime, which leaves time for retries when a
    /// renewal fails.
    /// </summary>
    public static TimeSpan RenewInterval { get; } = IForecastEventsGrain.SubscriptionLifetime / 3;

    /// <summary>Time before a failed subscription is tried again.</summary>
    public static TimeSpan RetryInterval { get; } = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IForecastEventsObserver? _reference;

    /// <summary>Completes once the first subscription has succeeded; events published before it are not sent.</summary>
    public Task Subscribed => _subscribed.Task;

    /// <summary>Sends <paramref name="added"/> to the connections that watch forecast events.</summary>
    public async Task OnVersionAdded(VersionAdded added)
    {
        ArgumentNullException.ThrowIfNull(added);

        // A default ImmutableArray cannot be serialized, and a publisher may leave the alerts unset.
        var message = added.Alerts.IsDefault ? added with { Alerts = [] } : added;
        LogForwarding(logger, message.Name, message.Number, message.Alerts.Length);
        try
        {
            await hub.Clients.Group(Group).SendAsync(VersionAddedMessage, message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The grain treats a failed call as a lost observer and drops it, so the error stays here.
            LogForwardFailed(logger, exception, message.Name, message.Number);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The grain keeps only a reference, so this object must stay alive: the host holds it as a singleton.
        _reference = grains.CreateObjectReference<IForecastEventsObserver>(this);
        var events = grains.GetGrain<IForecastEventsGrain>(0);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await events.Subscribe(_reference).WaitAsync(stoppingToken);
                if (_subscribed.TrySetResult())
                {
                    LogSubscribed(logger, RenewInterval);
                }

                wait = RenewInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogSubscribeFailed(logger, exception, RetryInterval);
                wait = RetryInterval;
            }

            try
            {
                await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is null)
        {
            return;
        }

        try
        {
            await grains.GetGrain<IForecastEventsGrain>(0).Unsubscribe(_reference).WaitAsync(cancellationToken);
            LogUnsubscribed(logger);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The subscription then expires on its own after the lifetime.
            LogUnsubscribeFailed(logger, exception);
        }
        finally
        {
            grains.DeleteObjectReference<IForecastEventsObserver>(_reference);
            _reference = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed to forecast events; renewing every {Interval}")]
    private static partial void LogSubscribed(ILogger logger, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to forecast events failed; trying again in {Interval}")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsubscribed from forecast events")]
    private static partial void LogUnsubscribed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unsubscribing from forecast events failed; the subscription expires on its own")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Version {Number} of {Name} added with {Alerts} alerts; sending it to the watchers")]
    private static partial void LogForwarding(ILogger logger, string name, int number, int alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending version {Number} of {Name} to the watchers failed")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string name, int number);
}
