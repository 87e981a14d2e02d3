namespace Tokencast.Grains;

/// <summary>
/// Passes forecast events (a new version, its alerts) to the observers that subscribed, such as a web host
/// that forwards them to its SignalR clients. One grain with key 0 serves the cluster. Subscriptions expire
/// when not renewed within <see cref="SubscriptionLifetime"/>, so a subscriber renews them periodically.
/// </summary>
[Alias("tokencast.IForecastEventsGrain")]
public interface IForecastEventsGrain : IGrainWithIntegerKey
{
    /// <summary>How long a subscription lasts without renewal.</summary>
    static TimeSpan SubscriptionLifetime { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Subscribes <paramref name="observer"/>, or renews its subscription.</summary>
    [Alias("Subscribe")]
    Task Subscribe(IForecastEventsObserver observer);

    /// <summary>Ends the subscription of <paramref name="observer"/>.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(IForecastEventsObserver observer);

    /// <summary>Sends <paramref name="added"/> to every subscribed observer.</summary>
    [Alias("Publish")]
    Task Publish(VersionAdded added);
}
