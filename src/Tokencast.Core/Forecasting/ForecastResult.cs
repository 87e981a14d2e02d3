namespace Tokencast.Core.Forecasting;

/// <summary>The output of a forecast run: one forecast per branch and the settings that produced it.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="FirstMonth">First day of the first month.</param>
/// <param name="Months">Months in the horizon.</param>
/// <param name="Trials">Trials per branch.</param>
/// <param name="Seed">The run seed.</param>
/// <param name="Branches">Forecasts per branch, in scenario order.</param>
public sealed record ForecastResult(
    string Scenario,
    DateOnly FirstMonth,
    int Months,
    int Trials,
    ulong Seed,
    IReadOnlyList<BranchForecast> Branches)
{
    /// <summary>
    /// Total spend of every trial per branch, in the order of <see cref="Branches"/>, when the run kept them
    /// (<see cref="Simulation.EngineOptions.KeepTrialTotals"/>); otherwise null. Not stored in history or sent
    /// between silos.
    /// </summary>
    public IReadOnlyList<BranchTrialTotals>? TrialTotals { get; init; }
}
