namespace Tokencast.Core.Simulation;

/// <summary>A feature ready for simulation: its regimes and, for every month, the segments in effect.</summary>
/// <param name="Id">The feature id from the scenario.</param>
/// <param name="Regimes">Distinct task models over the horizon.</param>
/// <param name="Months">For each month of the horizon, the regimes in effect and their share of the month.</param>
public sealed record FeaturePlan(string Id, IReadOnlyList<TaskRegime> Regimes, IReadOnlyList<IReadOnlyList<MonthSegment>> Months);
