using Tokencast.Core.Simulation;

namespace Tokencast.Host;

/// <summary>What a run forecasts, known before its first trial: months, branches, assumptions, budgets.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="FirstMonth">First month of the horizon.</param>
/// <param name="Months">Months in the horizon.</param>
/// <param name="Branches">The branches run, in order.</param>
public sealed record RunPlanView(string Scenario, DateOnly FirstMonth, int Months, IReadOnlyList<BranchPlanView> Branches)
{
    /// <summary>Returns the view of a compiled plan.</summary>
    public static RunPlanView From(SimulationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new RunPlanView(
            plan.Name,
            plan.FirstMonth,
            plan.Months,
            [.. plan.Branches.Select(b => new BranchPlanView(b.Name, b.Description, b.Assumptions, b.MonthlyBudgetUsd))]);
    }
}
