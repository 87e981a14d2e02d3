namespace Tokencast.Core.Simulation;

/// <summary>A scenario compiled for the Monte Carlo engine: validated, priced and split into branches.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="FirstMonth">First day of the first month of the horizon.</param>
/// <param name="Months">Months in the horizon.</param>
/// <param name="Branches">Branches to simulate.</param>
public sealed record SimulationPlan(string Name, DateOnly FirstMonth, int Months, IReadOnlyList<BranchPlan> Branches)
{
    /// <summary>Returns the first day of month <paramref name="index"/> of the horizon.</summary>
    public DateOnly MonthStart(int index) => FirstMonth.AddMonths(index);
}
