namespace Tokencast.Host;

/// <summary>A request to rank the uncertain assumptions of a scenario by how much they move its spend.</summary>
/// <param name="Scenario">The scenario to rank; null when <paramref name="Example"/> is set.</param>
/// <param name="Example">Name of one of the host's examples; null when <paramref name="Scenario"/> is set.</param>
/// <param name="Branch">The one branch to rank, or null for every branch.</param>
/// <param name="Trials">Trials per branch, at least 10, or null for the scenario's.</param>
/// <param name="Seed">Run seed, or null for the scenario's.</param>
public sealed record SensitivityRequest(
    SubmittedScenario? Scenario = null,
    string? Example = null,
    string? Branch = null,
    int? Trials = null,
    ulong? Seed = null);
