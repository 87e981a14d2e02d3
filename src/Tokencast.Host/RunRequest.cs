namespace Tokencast.Host;

/// <summary>A request to start a run: a scenario sent as text, or one of the host's examples by name.</summary>
/// <param name="Scenario">The scenario to forecast; null when <paramref name="Example"/> is set.</param>
/// <param name="Example">Name of one of the host's examples; null when <paramref name="Scenario"/> is set.</param>
/// <param name="Branches">Branches to run; none for every branch.</param>
/// <param name="Trials">Trials per branch, or null for the scenario's default.</param>
/// <param name="Seed">Random seed, or null for the scenario's default.</param>
/// <param name="BlockSize">Trials per block of work, or null for the default.</param>
/// <param name="Tolerance">
/// Relative standard error at which every reported percentile counts as converged, or null for
/// the default of 0.02; 0 turns the check off.
/// </param>
/// <param name="StopWhenConverged">Whether the run stops once converged, with the trials done by then.</param>
public sealed record RunRequest(
    SubmittedScenario? Scenario = null,
    string? Example = null,
    IReadOnlyList<string>? Branches = null,
    int? Trials = null,
    ulong? Seed = null,
    int? BlockSize = null,
    double? Tolerance = null,
    bool StopWhenConverged = false);
