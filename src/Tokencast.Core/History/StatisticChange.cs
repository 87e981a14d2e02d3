namespace Tokencast.Core.History;

/// <summary>One statistic of a band (a percentile or the mean) in two versions, in USD.</summary>
/// <param name="Older">The value in the older version, or null when the band is only in the newer one.</param>
/// <param name="Newer">The value in the newer version, or null when the band is only in the older one.</param>
public sealed record StatisticChange(double? Older, double? Newer)
{
    /// <summary>The newer value minus the older, or null when either is missing.</summary>
    public double? Absolute => Older is { } older && Newer is { } newer ? newer - older : null;

    /// <summary>
    /// The absolute change divided by the older value (0.1 is a rise of 10 %), or null when either value is
    /// missing or the older value is zero or not finite.
    /// </summary>
    public double? Relative =>
        Older is { } older && Newer is { } newer && older != 0 && double.IsFinite(older)
            ? (newer - older) / older
            : null;
}
