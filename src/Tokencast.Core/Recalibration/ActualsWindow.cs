using System.Collections.Immutable;
using Tokencast.Core.Actuals;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Recalibration;

/// <summary>The calls of a recalibration window that belong to features of the scenario.</summary>
internal sealed record ActualsWindow(
    IReadOnlyList<UsageActual> Calls,
    DateOnly Start,
    DateOnly CutOff,
    ImmutableSortedDictionary<string, int> UnknownFeatureCalls,
    int CallsWithoutTimestamp,
    int CallsWithoutUsage)
{
    /// <summary>
    /// Days observed: from the window start, or from the first call in it when that is later (any feature),
    /// to the cut-off. Run rates divide by this, so a log that starts inside the window is not diluted.
    /// </summary>
    public int ObservedDays { get; init; }

    /// <summary>
    /// Keeps the calls dated from <c>cutOff - windowDays</c> up to the day before the cut-off, by UTC date.
    /// </summary>
    public static ActualsWindow Select(
        IReadOnlyList<UsageActual> actuals, Scenario scenario, DateOnly cutOff, int windowDays)
    {
        var start = cutOff.AddDays(-windowDays);
        var featureIds = scenario.Features.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var calls = new List<UsageActual>();
        var unknown = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var withoutTimestamp = 0;
        var withoutUsage = 0;
        DateOnly? first = null;

        foreach (var call in actuals)
        {
            if (call.Timestamp is not { } timestamp)
            {
                withoutTimestamp++;
                continue;
            }

            var date = DateOnly.FromDateTime(timestamp.UtcDateTime);
            if (date < start || date >= cutOff)
            {
                continue;
            }

            first = first is null || date < first ? date : first;
            if (call.Feature is not { } feature || !featureIds.Contains(feature))
            {
                var key = call.Feature ?? "";
                unknown[key] = unknown.GetValueOrDefault(key) + 1;
            }
            else if (call.IsUsageUnknown)
            {
                withoutUsage++;
            }
            else
            {
                calls.Add(call);
            }
        }

        var observedFrom = first is { } firstDate && firstDate > start ? firstDate : start;
        return new ActualsWindow(calls, start, cutOff, unknown.ToImmutableSortedDictionary(StringComparer.Ordinal),
            withoutTimestamp, withoutUsage)
        {
            ObservedDays = cutOff.DayNumber - observedFrom.DayNumber,
        };
    }
}
