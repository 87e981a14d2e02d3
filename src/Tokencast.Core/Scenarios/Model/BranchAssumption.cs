namespace Tokencast.Core.Scenarios;

/// <summary>An assumption a branch changes, for reports.</summary>
/// <param name="Path">Path of the value as written in the branch, such as <c>features.chat.model</c>.</param>
/// <param name="BaseValue">Value in the base scenario in YAML flow style, or <c>(not set)</c>.</param>
/// <param name="BranchValue">Value in the branch in YAML flow style.</param>
/// <param name="BranchDescription">Description of the branch, or null.</param>
public sealed record BranchAssumption(string Path, string BaseValue, string BranchValue, string? BranchDescription);
