namespace Tokencast.Core.History;

/// <summary>The band of one series in one month, or over the horizon, in two versions of a forecast.</summary>
/// <param name="Branch">The branch name.</param>
/// <param name="Feature">The feature id, or null for the branch's total spend.</param>
/// <param name="Month">First day of the month, or null for the whole horizon.</param>
/// <param name="Status">Whether the band is in both versions or only in one.</param>
/// <param name="P10">The 10th percentile of spend.</param>
/// <param name="P50">The median spend.</param>
/// <param name="P90">The 90th percentile of spend.</param>
/// <param name="Mean">The mean spend.</param>
public sealed record BandChange(
    string Branch,
    string? Feature,
    DateOnly? Month,
    DiffStatus Status,
    StatisticChange P10,
    StatisticChange P50,
    StatisticChange P90,
    StatisticChange Mean);
