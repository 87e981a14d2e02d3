namespace Tokencast.Core.Simulation;

/// <summary>Settings of one Monte Carlo run.</summary>
/// <param name="Trials">Number of trials per branch.</param>
/// <param name="Seed">Run seed; with the same scenario it fixes every number of the output.</param>
/// <param name="Mode">How tasks are summed per month.</param>
/// <param name="MaxDegreeOfParallelism">Threads to use, or -1 for all cores; the output does not depend on it.</param>
/// <param name="PoolTargetRelativeError">Standard error, relative to the mean cost per task, at which a
/// task-cost sample stops growing.</param>
/// <param name="KeepTrialTotals">Whether the result keeps every trial's total spend per branch
/// (<see cref="Forecasting.ForecastResult.TrialTotals"/>), for sensitivity analysis; 8 bytes per trial, month
/// and branch.</param>
public sealed record EngineOptions(
    int Trials = 2000,
    ulong Seed = 1,
    SimulationMode Mode = SimulationMode.Aggregated,
    int MaxDegreeOfParallelism = -1,
    double PoolTargetRelativeError = 0.01,
    bool KeepTrialTotals = false)
{
    /// <summary>Trials simulated together by one worker; does not change the output.</summary>
    public const int TrialBlockSize = 64;
}
