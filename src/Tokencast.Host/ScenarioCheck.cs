namespace Tokencast.Host;

/// <summary>The result of checking a valid scenario.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Branches">Its branches in file order.</param>
/// <param name="Warnings">Questionable but valid input, as the command line prints it.</param>
public sealed record ScenarioCheck(string Name, IReadOnlyList<string> Branches, IReadOnlyList<string> Warnings);
