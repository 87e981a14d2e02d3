namespace Tokencast.Core.Scenarios;

/// <summary>A validated scenario file: the base scenario, each branch resolved, and warnings.</summary>
/// <param name="Base">The scenario without branch overlays.</param>
/// <param name="Branches">
/// Resolved branches in file order; a file without <c>branches</c> has one implicit <c>baseline</c>.
/// </param>
/// <param name="Warnings">Questionable but valid input, such as a missing <c>stretch</c> branch.</param>
public sealed record ScenarioDocument(
    Scenario Base,
    IReadOnlyList<ScenarioBranch> Branches,
    IReadOnlyList<InputProblem> Warnings)
{
    /// <summary>Returns the resolved branch with the given name, or null.</summary>
    public ScenarioBranch? FindBranch(string name) => Branches.FirstOrDefault(b => b.Name == name);
}
