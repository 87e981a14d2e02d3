namespace Tokencast.Core.History;

/// <summary>A closed ISO week whose actual estimated spend fell outside the previous version's band.</summary>
/// <param name="WeekStart">Monday of the week.</param>
/// <param name="WeekEnd">Monday after the week.</param>
/// <param name="Branch">Branch whose band was compared.</param>
/// <param name="ActualUsd">Estimated spend of the week (tokens times catalog prices).</param>
/// <param name="LowUsd">The low percentile of the band scaled to the week.</param>
/// <param name="HighUsd">The high percentile of the band scaled to the week.</param>
/// <param name="Direction"><c>above</c> or <c>below</c> the band.</param>
/// <param name="Message">The alert as printed, with the features and parts that moved.</param>
public sealed record SpendAlert(
    DateOnly WeekStart,
    DateOnly WeekEnd,
    string Branch,
    decimal ActualUsd,
    double LowUsd,
    double HighUsd,
    string Direction,
    string Message);
