namespace Tokencast.Core.Variance;

/// <summary>
/// Settings of the tabular CUSUM on weekly cost per task. Slack and threshold are in units of the
/// baseline standard deviation.
/// </summary>
public sealed record CusumOptions
{
    /// <summary>
    /// Priced weeks at the start of the series that set the baseline mean and standard deviation.
    /// At least 2. Default 12, because the baseline mean and standard deviation are estimates and a
    /// shorter baseline raises more false alarms (see <see cref="Threshold"/>).
    /// </summary>
    public int BaselineWeeks { get; init; } = 12;

    /// <summary>
    /// Slack k: the part of each standardised deviation that is ignored. Slack is set to half the
    /// shift to detect, so the default 0.5 targets a shift of one standard deviation.
    /// </summary>
    public double Slack { get; init; } = 0.5;

    /// <summary>
    /// Threshold h: a cumulative sum above it raises an alarm. Default 8. With k = 0.5, a 12-week
    /// baseline and 26 monitored weeks of normal noise, h = 5 alarmed falsely on about 27 % of
    /// simulated series and h = 8 on about 10 % (estimates from 4,000 series, checked by
    /// <c>CusumDetectorTests.Detect_ManyFlatSeries_FewFalseAlarms</c>). A shift of two standard
    /// deviations then alarms in its sixth week, and of four in its third.
    /// </summary>
    public double Threshold { get; init; } = 8;
}
