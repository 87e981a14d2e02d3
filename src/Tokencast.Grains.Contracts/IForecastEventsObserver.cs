namespace Tokencast.Grains;

/// <summary>Receives forecast events from <see cref="IForecastEventsGrain"/>.</summary>
[Alias("tokencast.IForecastEventsObserver")]
public interface IForecastEventsObserver : IGrainObserver
{
    /// <summary>Called when a version was added to a tracked forecast.</summary>
    [Alias("OnVersionAdded")]
    Task OnVersionAdded(VersionAdded added);
}
