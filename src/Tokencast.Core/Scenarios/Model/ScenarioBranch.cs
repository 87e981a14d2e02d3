namespace Tokencast.Core.Scenarios;

/// <summary>A branch applied to the base scenario.</summary>
/// <param name="Name">Branch name.</param>
/// <param name="Description">What the branch assumes, or null.</param>
/// <param name="Scenario">The base scenario with the branch's values and events applied.</param>
/// <param name="Assumptions">What the branch changes relative to the base scenario, in file order.</param>
public sealed record ScenarioBranch(
    string Name,
    string? Description,
    Scenario Scenario,
    IReadOnlyList<BranchAssumption> Assumptions);
