namespace Tokencast.Core.Simulation;

/// <summary>
/// Part of a month during which one regime of a feature is in effect, for example the days before and
/// after a model swap on the 15th.
/// </summary>
/// <param name="Regime">Index into <see cref="FeaturePlan.Regimes"/>.</param>
/// <param name="ShareOfMonth">Fraction of the month's days, in (0, 1].</param>
public readonly record struct MonthSegment(int Regime, double ShareOfMonth);
