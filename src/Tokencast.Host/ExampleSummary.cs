namespace Tokencast.Host;

/// <summary>A scenario the host offers by name.</summary>
/// <param name="Name">Name to start it by: the file name without its extension.</param>
/// <param name="Description">The scenario's description, or null.</param>
/// <param name="Branches">Its branches in file order.</param>
public sealed record ExampleSummary(string Name, string? Description, IReadOnlyList<string> Branches);
