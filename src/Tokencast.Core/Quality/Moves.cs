namespace Tokencast.Core.Quality;

/// <summary>Measures the moves open to the current operating point: to the knee and one tier down.</summary>
public static class Moves
{
    /// <summary>
    /// Builds the frontier of <paramref name="points"/>, finds its knee, and measures the moves from the
    /// one point flagged <see cref="OperatingPoint.IsCurrent"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Not exactly one point is flagged as current.</exception>
    public static MoveOptions ForCurrent(IReadOnlyList<OperatingPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var current = points.Where(point => point.IsCurrent).ToList();
        if (current.Count != 1)
        {
            throw new ArgumentException(
                $"Exactly one operating point must be current, but {current.Count} are.", nameof(points));
        }

        return From(current[0], ParetoFrontier.Of(points));
    }

    /// <summary>
    /// Measures the moves from <paramref name="current"/>, which need not lie on the frontier: to the
    /// knee, and to the dearest frontier point that is strictly cheaper (one tier down).
    /// </summary>
    /// <param name="current">The point the feature runs at today.</param>
    /// <param name="frontier">A frontier sorted by cost, as <see cref="ParetoFrontier.Of"/> returns it.</param>
    public static MoveOptions From(OperatingPoint current, IReadOnlyList<OperatingPoint> frontier)
    {
        ArgumentNullException.ThrowIfNull(current);
        var knee = Knee.Find(frontier);
        var toKnee = knee.Point is null ? null : Move.Between(current, knee.Point);

        // The frontier is sorted by cost and then by falling quality, so the first point of the
        // dearest cheaper cost is the best one at that cost.
        var cheaper = frontier.Where(point => point.CostUsd < current.CostUsd).ToList();
        var tierDown = cheaper.Count == 0
            ? null
            : cheaper.First(point => point.CostUsd == cheaper[^1].CostUsd);

        return new MoveOptions(
            current, toKnee, knee.Reason, tierDown is null ? null : Move.Between(current, tierDown));
    }
}
