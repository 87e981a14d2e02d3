namespace Tokencast.Core.Simulation;

/// <summary>One branch of a scenario (baseline, growth, stretch, ...) ready for simulation.</summary>
/// <param name="Name">Branch name.</param>
/// <param name="Description">What the branch stands for.</param>
/// <param name="Assumptions">What it changes relative to the base scenario.</param>
/// <param name="Features">Features, in scenario order.</param>
/// <param name="Cohorts">Cohorts, in scenario order.</param>
/// <param name="CostLines">Names of the cost lines: models, then tool execution and human escalation.</param>
/// <param name="PriceTrends">Uncertain price trends.</param>
/// <param name="MonthlyBudgetUsd">Budget per month, or null where none is set.</param>
/// <param name="TotalBudgetUsd">Budget for the whole horizon, or null.</param>
public sealed record BranchPlan(
    string Name,
    string Description,
    IReadOnlyList<BranchAssumption> Assumptions,
    IReadOnlyList<FeaturePlan> Features,
    IReadOnlyList<CohortPlan> Cohorts,
    IReadOnlyList<string> CostLines,
    IReadOnlyList<PriceTrendPlan> PriceTrends,
    IReadOnlyList<double?> MonthlyBudgetUsd,
    double? TotalBudgetUsd);
