using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Tokencast.Core.History;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.History;

/// <summary>
/// Keeps the versions of one forecast in grain storage. The grain is not reentrant, so two adds cannot
/// pick the same number.
/// </summary>
internal sealed partial class ForecastHistoryGrain(
    [PersistentState("history", ClusterNames.Storage)] IPersistentState<ForecastHistoryRecord> record,
    TimeProvider time,
    ILogger<ForecastHistoryGrain> logger) : Grain, IForecastHistoryGrain
{
    public async Task<HistoryAddition> Add(ForecastVersionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var name = this.GetPrimaryKeyString();
        if (draft.Name != name)
        {
            throw new ArgumentException(
                $"The draft is for forecast {draft.Name}, but this grain keeps forecast {name}. "
                + "Add it through the grain keyed by the draft's name.",
                nameof(draft));
        }

        var addition = ForecastHistoryRules.Add(record.State.Versions, draft, time.GetUtcNow());
        if (!addition.Added)
        {
            return addition;
        }

        record.State.Versions.Add(addition.Version);
        try
        {
            await record.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // The stored state still ends at the previous version, so memory is put back to match it.
            record.State.Versions.RemoveAt(record.State.Versions.Count - 1);
            LogWriteFailed(logger, exception, name, addition.Version.Number);
            throw;
        }

        LogAdded(logger, name, addition.Version.Number);
        return addition;
    }

    public Task<ImmutableArray<ForecastVersion>> List() =>
        Task.FromResult<ImmutableArray<ForecastVersion>>([.. record.State.Versions]);

    public Task<ForecastVersion?> GetVersion(int number) =>
        Task.FromResult(record.State.Versions.FirstOrDefault(v => v.Number == number));

    public Task<ForecastVersion?> Latest() =>
        Task.FromResult(record.State.Versions.Count == 0 ? null : record.State.Versions[^1]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added version {Number} of forecast {Name}")]
    private static partial void LogAdded(ILogger logger, string name, int number);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Storing version {Number} of forecast {Name} failed; earlier versions are unchanged")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string name, int number);
}
