namespace Tokencast.Core.Quality;

/// <summary>
/// Finds the knee of a cost-quality Pareto frontier with Kneedle (Satopää, Albrecht, Irwin and
/// Raghavan, "Finding a 'Kneedle' in a Haystack", 2011) for a concave increasing curve: beyond the
/// knee, each extra dollar per task buys less quality than before.
/// </summary>
public static class Knee
{
    /// <summary>
    /// Finds the knee: scales cost and quality to [0, 1] by their minimum and maximum, subtracts scaled
    /// cost from scaled quality, and takes the point where that difference is largest (the cheapest
    /// one on a tie). This is the offline form of Kneedle on the points themselves, without its
    /// smoothing or its online threshold, which matter for noisy streams of many points.
    /// </summary>
    /// <param name="frontier">A frontier sorted by cost, as <see cref="ParetoFrontier.Of"/> returns it.</param>
    /// <returns>The knee, or a result with a reason when the frontier has fewer than 3 points, no spread
    /// in cost or quality, or no point above the line between its ends.</returns>
    /// <exception cref="ArgumentException">The points are not sorted by cost with quality rising.</exception>
    public static KneeResult Find(IReadOnlyList<OperatingPoint> frontier)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        for (var i = 1; i < frontier.Count; i++)
        {
            var previous = frontier[i - 1];
            if (frontier[i].CostUsd < previous.CostUsd || frontier[i].QualityValue < previous.QualityValue)
            {
                throw new ArgumentException("The points are not a Pareto frontier sorted by cost; "
                    + "pass the result of ParetoFrontier.Of.", nameof(frontier));
            }
        }

        if (frontier.Count < 3)
        {
            return new KneeResult(null, null, $"the frontier has {frontier.Count} point(s); "
                + "a knee needs at least 3, so that one lies between the ends");
        }

        var minCost = frontier[0].CostUsd;
        var costRange = frontier[^1].CostUsd - minCost;
        var minQuality = frontier[0].QualityValue;
        var qualityRange = frontier[^1].QualityValue - minQuality;
        if (costRange <= 0 || qualityRange <= 0)
        {
            return new KneeResult(null, null,
                "the frontier points all have the same mean cost or the same quality, "
                + "so there is no curve to bend");
        }

        var knee = 0;
        var maxDifference = double.NegativeInfinity;
        for (var i = 0; i < frontier.Count; i++)
        {
            var difference = (frontier[i].QualityValue - minQuality) / qualityRange
                - (frontier[i].CostUsd - minCost) / costRange;
            if (difference > maxDifference)
            {
                maxDifference = difference;
                knee = i;
            }
        }

        // The two ends always score 0; a curve that never rises above them is straight or convex.
        if (maxDifference <= 0)
        {
            return new KneeResult(null, null, "no frontier point lies above the straight line between the "
                + "cheapest and the dearest point, so the curve is not concave and has no knee");
        }

        return new KneeResult(frontier[knee], maxDifference, null);
    }
}
