namespace Tokencast.Grains;

/// <summary>A closed week whose actual estimated spend fell outside the band, as sent to subscribers.</summary>
/// <param name="WeekStart">Monday of the week.</param>
/// <param name="WeekEnd">Monday after the week.</param>
/// <param name="Branch">Branch whose band was compared.</param>
/// <param name="ActualUsd">Estimated spend of the week.</param>
/// <param name="LowUsd">The low percentile of the band scaled to the week.</param>
/// <param name="HighUsd">The high percentile of the band scaled to the week.</param>
/// <param name="Direction"><c>above</c> or <c>below</c>.</param>
/// <param name="Message">The alert with the features and parts that moved.</param>
[GenerateSerializer, Immutable, Alias("tokencast.alert-notice.v1")]
public sealed record AlertNotice(
    [property: Id(0)] DateOnly WeekStart,
    [property: Id(1)] DateOnly WeekEnd,
    [property: Id(2)] string Branch,
    [property: Id(3)] decimal ActualUsd,
    [property: Id(4)] double LowUsd,
    [property: Id(5)] double HighUsd,
    [property: Id(6)] string Direction,
    [property: Id(7)] string Message);
