namespace Tokencast.Core.Simulation;

/// <summary>One assumption a branch changes relative to the base scenario, for reports.</summary>
/// <param name="Path">Where the value lives, such as <c>cohorts.smb.monthly_growth</c>.</param>
/// <param name="BaseValue">The value in the base scenario, as text.</param>
/// <param name="BranchValue">The value in this branch, as text.</param>
public sealed record BranchAssumption(string Path, string BaseValue, string BranchValue);
