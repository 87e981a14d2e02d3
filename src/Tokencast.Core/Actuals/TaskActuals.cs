using Tokencast.Core.Variance;

namespace Tokencast.Core.Actuals;

/// <summary>Groups the calls of usage actuals into tasks by their task id.</summary>
public static class TaskActuals
{
    /// <summary>Feature name of tasks whose calls name none.</summary>
    public const string NoFeature = "(no feature)";

    /// <summary>Model name of tasks whose calls name none.</summary>
    public const string NoModel = "(no model)";

    /// <summary>
    /// Returns one task per task id, in order of first call. A task's feature is the first feature its
    /// calls name, and its date is the UTC date of its first call. Its model is the model of its last call
    /// (by time, then by file and line), and it counts as escalated when its calls name more than one model.
    /// Its tokens and estimated cost are the sums over its calls, and its cost is unknown when any call has
    /// no usage. Calls without a time are left out, since a task needs a date.
    /// </summary>
    public static IReadOnlyList<TaskActual> FromCalls(IEnumerable<UsageActual> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return [.. calls
            .Where(call => call.Timestamp is not null)
            .OrderBy(call => call.Timestamp)
            .ThenBy(call => call.SourceFile, StringComparer.Ordinal)
            .ThenBy(call => call.Line)
            .GroupBy(call => call.TaskId, StringComparer.Ordinal)
            .Select(Task)];
    }

    private static TaskActual Task(IGrouping<string, UsageActual> calls)
    {
        var ordered = calls.ToList();
        var tokens = default(TokenCounts);
        var cost = 0m;
        var known = true;
        foreach (var call in ordered)
        {
            if (call.Buckets is { } buckets && call.EstimatedCostUsd is { } callCost)
            {
                tokens += new TokenCounts(
                    buckets.UncachedInput + buckets.AudioInput + buckets.ImageInput,
                    buckets.CacheRead,
                    buckets.CacheWrite5Minutes + buckets.CacheWrite1Hour,
                    buckets.OutputTokens);
                cost += callCost;
            }
            else
            {
                known = false;
            }
        }

        var models = ordered.Select(call => call.Model).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        return new TaskActual(
            ordered.Select(call => call.Feature).FirstOrDefault(feature => !string.IsNullOrEmpty(feature)) ?? NoFeature,
            DateOnly.FromDateTime(ordered[0].Timestamp!.Value.UtcDateTime),
            ordered.Count,
            ordered.Select(call => call.Model).LastOrDefault(model => !string.IsNullOrEmpty(model)) ?? NoModel,
            models > 1,
            tokens,
            cost,
            known);
    }
}
