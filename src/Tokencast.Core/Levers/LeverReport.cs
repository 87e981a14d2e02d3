namespace Tokencast.Core.Levers;

/// <summary>The quality-cost levers of a scenario's features.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Month">First day of the month the costs are for: the scenario's first month.</param>
/// <param name="Seed">Seed of the task-cost samples, the same as a forecast with this seed uses.</param>
/// <param name="EvalsFile">Full path of the eval results file, or null when the scenario names none.</param>
/// <param name="Features">One entry per feature analysed, in scenario order.</param>
public sealed record LeverReport(
    string Scenario, DateOnly Month, ulong Seed, string? EvalsFile, IReadOnlyList<FeatureLevers> Features);
