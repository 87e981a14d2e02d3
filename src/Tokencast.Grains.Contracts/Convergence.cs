using Tokencast.Core.Forecasting;

namespace Tokencast.Grains;

/// <summary>
/// Decides whether a run's partial bands are precise enough. Every reported percentile (P5, P10, P50, P90
/// and P95) of every branch, in every month and over the horizon, must have a standard error of at most
/// the tolerance times its absolute value. The mean is not checked.
/// </summary>
public static class Convergence
{
    /// <summary>
    /// Returns whether every percentile of <paramref name="branches"/> meets <paramref name="tolerance"/>. A
    /// percentile of 0 with an error of 0 meets any tolerance. A NaN error, which a band over one trial has,
    /// never does, and neither does an empty list.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The tolerance is negative or not a finite number.
    /// </exception>
    public static bool IsConverged(IReadOnlyList<BranchProgress> branches, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(branches);
        if (!double.IsFinite(tolerance) || tolerance < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(tolerance), tolerance, "The tolerance must be a finite number, 0 or more.");
        }

        if (branches.Count == 0)
        {
            return false;
        }

        foreach (var band in Bands(branches))
        {
            if (!MeetsTolerance(band.P5, band.StandardErrors.P5, tolerance)
                || !MeetsTolerance(band.P10, band.StandardErrors.P10, tolerance)
                || !MeetsTolerance(band.P50, band.StandardErrors.P50, tolerance)
                || !MeetsTolerance(band.P90, band.StandardErrors.P90, tolerance)
                || !MeetsTolerance(band.P95, band.StandardErrors.P95, tolerance))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Returns the largest ratio of standard error to absolute value over every percentile of
    /// <paramref name="branches"/>, the tolerance the bands meet now. A percentile of 0 with an error of 0
    /// counts as 0, and one of 0 with a positive error as infinity. The result is NaN when any error is NaN
    /// or the list is empty.
    /// </summary>
    public static double LargestRelativeError(IReadOnlyList<BranchProgress> branches)
    {
        ArgumentNullException.ThrowIfNull(branches);
        if (branches.Count == 0)
        {
            return double.NaN;
        }

        var largest = 0.0;
        foreach (var band in Bands(branches))
        {
            largest = Math.Max(largest, RelativeError(band.P5, band.StandardErrors.P5));
            largest = Math.Max(largest, RelativeError(band.P10, band.StandardErrors.P10));
            largest = Math.Max(largest, RelativeError(band.P50, band.StandardErrors.P50));
            largest = Math.Max(largest, RelativeError(band.P90, band.StandardErrors.P90));
            largest = Math.Max(largest, RelativeError(band.P95, band.StandardErrors.P95));
        }

        return largest;
    }

    private static IEnumerable<Band> Bands(IReadOnlyList<BranchProgress> branches)
    {
        foreach (var branch in branches)
        {
            foreach (var month in branch.Monthly)
            {
                yield return month.Band;
            }

            yield return branch.Horizon;
        }
    }

    // Written so that a NaN error fails the comparison, and 0 <= tolerance * 0 holds for a zero value.
    private static bool MeetsTolerance(double value, double error, double tolerance) =>
        error <= tolerance * Math.Abs(value);

    private static double RelativeError(double value, double error)
    {
        if (double.IsNaN(error))
        {
            return double.NaN;
        }

        if (value == 0)
        {
            return error == 0 ? 0 : double.PositiveInfinity;
        }

        return error / Math.Abs(value);
    }
}
