namespace Tokencast.Core.Scenarios;

/// <summary>A name that stands for a model, optionally from a date on.</summary>
/// <param name="Alias">The alias, such as <c>sonnet-latest</c>.</param>
/// <param name="Model">Model key the alias points to.</param>
/// <param name="From">First day the alias points to <paramref name="Model"/>, or null for always.</param>
/// <param name="Source">Location of the entry.</param>
public sealed record AliasSpec(string Alias, string Model, DateOnly? From, SourceLocation Source);
