namespace Tokencast.Grains.Tests.Reforecasting;

/// <summary>
/// A forecast events observer that completes <see cref="Received"/> with the first event of its forecast.
/// </summary>
public sealed class VersionObserver(string name) : IForecastEventsObserver
{
    public TaskCompletionSource<VersionAdded> Received { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task OnVersionAdded(VersionAdded added)
    {
        if (added.Name == name)
        {
            Received.TrySetResult(added);
        }

        return Task.CompletedTask;
    }
}
