using Tokencast.Core.History;

namespace Tokencast.Core.Variance;

/// <summary>
/// A closed period between two reforecast cut-offs: actual spend against the previous version's forecast,
/// explained by the five Shapley parts, the weeks checked against the band, and the alerts they raised.
/// </summary>
/// <param name="ComparedVersion">Number of the previous version whose forecast the actuals are compared with.</param>
/// <param name="Branch">Branch of that version compared with.</param>
/// <param name="Low">Percentile a week must fall below to raise an alert.</param>
/// <param name="High">Percentile a week must rise above to raise an alert.</param>
/// <param name="From">First day of the period.</param>
/// <param name="Until">Day after the period.</param>
/// <param name="NotExplained">Why nothing was explained, or null when <paramref name="Explanation"/> is set.</param>
/// <param name="Explanation">Actual against forecast split into volume, mix, tokens per task, unit price and cache hit rate.</param>
/// <param name="Weeks">Each whole ISO week inside the period, oldest first.</param>
/// <param name="Alerts">The weeks outside the band, with the features and parts that moved.</param>
/// <param name="UnpricedTasks">Tasks left out because the catalog has no price for their model.</param>
/// <param name="UnpricedModels">Those models, in ordinal order.</param>
/// <param name="EstimatedUsd">Estimated cost (tokens times catalog) of the calls in the period.</param>
/// <param name="BilledUsd">
/// Billed cost (FOCUS) of the USD rows whose charge period starts in the period, or null when there are none.
/// </param>
public sealed record PeriodReview(
    int ComparedVersion,
    string Branch,
    int Low,
    int High,
    DateOnly From,
    DateOnly Until,
    string? NotExplained,
    VarianceExplanation? Explanation,
    IReadOnlyList<WeekCheck> Weeks,
    IReadOnlyList<SpendAlert> Alerts,
    int UnpricedTasks,
    IReadOnlyList<string> UnpricedModels,
    decimal EstimatedUsd,
    decimal? BilledUsd)
{
    /// <summary>
    /// Billed (FOCUS) rows that touch the period but are not in <see cref="BilledUsd"/>: not in USD, or with a
    /// charge period that starts before the period.
    /// </summary>
    public int BilledRowsLeftOut { get; init; }
}
