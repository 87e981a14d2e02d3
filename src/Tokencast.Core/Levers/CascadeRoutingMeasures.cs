using Tokencast.Core.Quality;

namespace Tokencast.Core.Levers;

/// <summary>
/// How well a feature's cascade router recovers the quality gap between its cheap and strong model on the
/// eval items, swept over every confidence threshold where the escalated items change.
/// </summary>
/// <param name="CheapModel">The cheap model as the scenario names it.</param>
/// <param name="StrongModel">The strong model as the scenario names it.</param>
/// <param name="Sweep">PGR and escalation share at each threshold.</param>
/// <param name="AveragePerformanceGapRecovered">APGR, or null when PGR is undefined.</param>
/// <param name="CallPerformance50">The point with the smallest escalation share that recovers 50 % of the gap.</param>
/// <param name="CallPerformance80">The point with the smallest escalation share that recovers 80 % of the gap.</param>
/// <param name="DroppedItems">Items left out because only one of the two models has a result for them.</param>
public sealed record CascadeRoutingMeasures(
    string CheapModel,
    string StrongModel,
    CascadeSweep Sweep,
    double? AveragePerformanceGapRecovered,
    CascadePoint? CallPerformance50,
    CascadePoint? CallPerformance80,
    int DroppedItems);
