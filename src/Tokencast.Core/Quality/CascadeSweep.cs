namespace Tokencast.Core.Quality;

/// <summary>
/// A cascade evaluated at several thresholds, with the routing measures of Ong et al. 2024
/// ("RouteLLM: Learning to Route LLMs with Preference Data", arXiv:2406.18665): performance gap
/// recovered (PGR) per point, the call-performance threshold and the average PGR (APGR).
/// </summary>
/// <param name="Points">One point per threshold, by rising threshold and so by falling escalation share.</param>
/// <param name="QualityGap">Q_strong − Q_cheap on the items both models have.</param>
/// <param name="PgrUndefinedReason">Why PGR is undefined, or null when it is defined.</param>
public sealed record CascadeSweep(
    IReadOnlyList<CascadePoint> Points, double QualityGap, string? PgrUndefinedReason)
{
    /// <summary>
    /// Computes APGR, the area under PGR plotted against escalation share from 0 to 1, by the trapezoid
    /// rule over the swept points. The curve always includes (0, 0) and (1, 1), because escalating no
    /// item gives the cheap model's quality and escalating every item gives the strong model's.
    /// Returns null when PGR is undefined. A random router scores about 0.5.
    /// </summary>
    public double? AveragePerformanceGapRecovered()
    {
        if (PgrUndefinedReason is not null)
        {
            return null;
        }

        // Points with the same escalation share escalate the same items, so they have the same PGR.
        var curve = Points
            .Select(point => (Share: point.EscalationShare, Pgr: point.PerformanceGapRecovered!.Value))
            .Append((Share: 0.0, Pgr: 0.0))
            .Append((Share: 1.0, Pgr: 1.0))
            .DistinctBy(point => point.Share)
            .OrderBy(point => point.Share)
            .ToList();

        var area = 0.0;
        for (var i = 1; i < curve.Count; i++)
        {
            area += (curve[i].Share - curve[i - 1].Share) * (curve[i].Pgr + curve[i - 1].Pgr) / 2;
        }

        return area;
    }

    /// <summary>
    /// Finds the call-performance threshold for a target PGR: the swept point with the smallest
    /// escalation share whose PGR reaches <paramref name="targetPgr"/> (0.8 for CPT(80 %)), and so the
    /// confidence threshold that gives it. Among points of equal share it takes the lowest threshold.
    /// Returns null when PGR is undefined or no swept point reaches the target.
    /// </summary>
    public CascadePoint? CallPerformanceThreshold(double targetPgr)
    {
        if (!double.IsFinite(targetPgr))
        {
            throw new ArgumentOutOfRangeException(
                nameof(targetPgr), targetPgr, "The target PGR must be a number.");
        }

        return Points
            .Where(point => point.PerformanceGapRecovered >= targetPgr)
            .OrderBy(point => point.EscalationShare)
            .ThenBy(point => point.Threshold)
            .FirstOrDefault();
    }
}
