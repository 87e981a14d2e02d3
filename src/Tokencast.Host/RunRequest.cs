namespace Tokencast.Host;

/// <summary>A request to start a run.</summary>
/// <param name="Scenario">The scenario to forecast.</param>
/// <param name="Branches">Branches to run; none for every branch.</param>
/// <param name="Trials">Trials per branch, or null for the scenario's default.</param>
/// <param name="Seed">Random seed, or null for the scenario's default.</param>
/// <param name="BlockSize">Trials per block of work, or null for the default.</param>
public sealed record RunRequest(SubmittedScenario Scenario, IReadOnlyList<string>? Branches, int? Trials, ulong? Seed, int? BlockSize);
