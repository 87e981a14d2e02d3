using Tokencast.Core.Quality;

namespace Tokencast.Core.Levers;

/// <summary>The operating points of one feature, their cost-quality frontier, its knee and the moves from today.</summary>
/// <param name="Feature">Feature id.</param>
/// <param name="Points">Every costed point: the current one first, then tiers, cascade thresholds, variants.</param>
/// <param name="Skipped">Points that could not be costed, with the reason.</param>
/// <param name="Frontier">The Pareto frontier of the rated points, sorted by mean cost.</param>
/// <param name="Knee">The knee of the frontier, or why it has none.</param>
/// <param name="Moves">The moves from the current point, or null when its quality is unknown.</param>
/// <param name="NoMovesReason">Why there are no moves, or null.</param>
/// <param name="Routing">Routing measures of the feature's cascade, or null.</param>
/// <param name="NoRoutingReason">Why a cascade feature has no routing measures, or null.</param>
public sealed record FeatureLevers(
    string Feature,
    IReadOnlyList<LeverPoint> Points,
    IReadOnlyList<SkippedLever> Skipped,
    IReadOnlyList<OperatingPoint> Frontier,
    KneeResult Knee,
    MoveOptions? Moves,
    string? NoMovesReason,
    CascadeRoutingMeasures? Routing,
    string? NoRoutingReason)
{
    /// <summary>Returns the point the scenario runs today.</summary>
    public LeverPoint Current => Points.First(point => point.IsCurrent);
}
