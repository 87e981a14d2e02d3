namespace Tokencast.Core.Quality;

/// <summary>The operating points that no other point beats on both mean cost and quality.</summary>
public static class ParetoFrontier
{
    /// <summary>
    /// Returns the points that no other point dominates, sorted by mean cost. A point dominates another
    /// when its cost is lower or equal and its quality higher or equal, and one of the two is strict.
    /// Points with equal cost and equal quality do not dominate each other, so all of them stay.
    /// Such points are ordered by label (ordinal), then by input order.
    /// </summary>
    /// <exception cref="ArgumentException">A point's cost or quality is not a finite number.</exception>
    public static IReadOnlyList<OperatingPoint> Of(IEnumerable<OperatingPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var all = points.ToList();
        foreach (var point in all)
        {
            if (!double.IsFinite(point.CostUsd) || !double.IsFinite(point.QualityValue))
            {
                throw new ArgumentException(
                    $"Operating point '{point.Label}' needs a finite mean cost and quality.", nameof(points));
            }
        }

        return all
            .Where(point => !all.Any(other => Dominates(other, point)))
            .OrderBy(point => point.CostUsd)
            .ThenByDescending(point => point.QualityValue)
            .ThenBy(point => point.Label, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Returns whether <paramref name="a"/> dominates <paramref name="b"/>.</summary>
    public static bool Dominates(OperatingPoint a, OperatingPoint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.CostUsd <= b.CostUsd && a.QualityValue >= b.QualityValue
            && (a.CostUsd < b.CostUsd || a.QualityValue > b.QualityValue);
    }
}
