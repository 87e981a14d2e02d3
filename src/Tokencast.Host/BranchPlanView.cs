using Tokencast.Core.Simulation;

namespace Tokencast.Host;

/// <summary>One branch of a run's plan.</summary>
/// <param name="Name">Branch name.</param>
/// <param name="Description">What the branch stands for.</param>
/// <param name="Assumptions">What the branch changes relative to the base scenario.</param>
/// <param name="MonthlyBudgetUsd">Budget per month, null where none is set.</param>
public sealed record BranchPlanView(
    string Name, string Description, IReadOnlyList<BranchAssumption> Assumptions, IReadOnlyList<double?> MonthlyBudgetUsd);
