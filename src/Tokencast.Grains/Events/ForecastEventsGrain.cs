using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Tokencast.Grains.Events;

/// <summary>
/// Keeps the subscribers to forecast events in memory and sends each event to all of them. Nothing is
/// persisted: a subscriber renews its subscription periodically, which also brings it back after the grain
/// moved to another silo.
/// </summary>
internal sealed class ForecastEventsGrain : Grain, IForecastEventsGrain
{
    private readonly ObserverManager<IForecastEventsObserver> _observers;

    public ForecastEventsGrain(ILogger<ForecastEventsGrain> logger) =>
        _observers = new ObserverManager<IForecastEventsObserver>(IForecastEventsGrain.SubscriptionLifetime, logger);

    public Task Subscribe(IForecastEventsObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IForecastEventsObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    // The manager drops an observer whose call fails (its client is gone) and logs it.
    public Task Publish(VersionAdded added)
    {
        ArgumentNullException.ThrowIfNull(added);
        return _observers.Notify(observer => observer.OnVersionAdded(added));
    }
}
