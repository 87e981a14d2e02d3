using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Variance;

namespace Tokencast.Grains.Reforecasting;

/// <summary>What a reforecast stored and found.</summary>
/// <param name="Plan">The checked and recalibrated request.</param>
/// <param name="Version">The version stored, or the one that already had these inputs.</param>
/// <param name="Added">Whether <paramref name="Version"/> is new.</param>
/// <param name="Result">The forecast run, or null when nothing ran.</param>
/// <param name="Movement">How the new version moved from the previous one, or null for a first version.</param>
/// <param name="Review">
/// The period closed since the previous version's cut-off, or null when nothing ran or the previous version has
/// no cut-off.
/// </param>
public sealed record ReforecastOutcome(
    ReforecastPlan Plan,
    ForecastVersion Version,
    bool Added,
    ForecastResult? Result,
    VersionDiff? Movement,
    PeriodReview? Review)
{
    /// <summary>The alerts the review raised; empty when there was no review.</summary>
    public IReadOnlyList<SpendAlert> Alerts => Review?.Alerts ?? [];

    /// <summary>Returns the event that sends the version and its alerts to subscribers.</summary>
    public VersionAdded ToVersionAdded() => new(
        Version.Name,
        Version.Number,
        Version.CutOff,
        Version.Note,
        [.. Alerts.Select(alert => new AlertNotice(alert.WeekStart, alert.WeekEnd, alert.Branch, alert.ActualUsd,
            alert.LowUsd, alert.HighUsd, alert.Direction, alert.Message))]);
}
