namespace Tokencast.Core.Variance;

/// <summary>
/// Length of one step of a cost per task series.
/// </summary>
public enum SeriesPeriod
{
    /// <summary>ISO 8601 week, Monday to Sunday.</summary>
    IsoWeek,

    /// <summary>Calendar month.</summary>
    Month,
}
