namespace Tokencast.Core.Levers;

/// <summary>Settings of a lever analysis.</summary>
/// <param name="Seed">Run seed; the task-cost samples match those of a forecast with the same seed.</param>
/// <param name="Trials">Trials over which price trend factors are averaged, as a forecast averages them.</param>
/// <param name="Feature">The one feature to analyse, or null for every feature.</param>
/// <param name="MaxCascadePoints">
/// Most cascade threshold points costed per feature. When the eval items give more distinct escalation
/// shares, thresholds 0, 0.05, ..., 1 are costed instead; the routing measures always use every threshold.
/// </param>
public sealed record LeverOptions(ulong Seed = 1, int Trials = 2000, string? Feature = null, int MaxCascadePoints = 21);
