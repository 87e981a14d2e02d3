using Tokencast.Core.Calibration;

namespace Tokencast.Core.Recalibration;

/// <summary>Settings of a recalibration: the window of actuals and the minimum samples per value.</summary>
public sealed record RecalibrationOptions
{
    /// <summary>Days before the cut-off whose calls are used.</summary>
    public int WindowDays { get; init; } = 28;

    /// <summary>
    /// Fewest calls for which a parametric fit (or all zeros) replaces a token distribution. The fit must
    /// also pass the Calibrator's checks, or the Calibrator would have chosen the empirical distribution.
    /// </summary>
    public int MinimumCallsForFit { get; init; } = 50;

    /// <summary>Fewest calls for which the empirical distribution replaces a token distribution.</summary>
    public int MinimumCallsForEmpirical { get; init; } = 500;

    /// <summary>Fewest tasks for which calls per task and task volumes are replaced.</summary>
    public int MinimumTasks { get; init; } = 30;

    /// <summary>Fewest calls for which the cache hit rate is replaced.</summary>
    public int MinimumCallsForCache { get; init; } = 100;

    /// <summary>Days per month used to scale a run rate to a month: 365.2425 / 12 = 30.436875.</summary>
    public double DaysPerMonth { get; init; } = 365.2425 / 12;

    /// <summary>Settings passed to the Calibrator that fits the token distributions.</summary>
    public CalibrationOptions Calibration { get; init; } = new();
}
