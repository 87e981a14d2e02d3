namespace Tokencast.Core.Variance;

/// <summary>One closed ISO week of a reviewed period: actual estimated spend against the band scaled to the week.</summary>
/// <param name="WeekStart">Monday of the week.</param>
/// <param name="WeekEnd">Monday after the week.</param>
/// <param name="ActualUsd">Estimated spend of the week (tokens times catalog prices), exact.</param>
/// <param name="LowUsd">The low percentile of the band scaled to the week.</param>
/// <param name="HighUsd">The high percentile of the band scaled to the week.</param>
/// <param name="Status"><c>in band</c>, <c>above</c> or <c>below</c>.</param>
public sealed record WeekCheck(DateOnly WeekStart, DateOnly WeekEnd, decimal ActualUsd, double LowUsd, double HighUsd, string Status);
