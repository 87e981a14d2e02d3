namespace Tokencast.Host;

/// <summary>A request to forecast a scenario as written and with changed values, and compare the two.</summary>
/// <param name="Scenario">The scenario to change; null when <paramref name="Example"/> is set.</param>
/// <param name="Example">Name of one of the host's examples; null when <paramref name="Scenario"/> is set.</param>
/// <param name="Sets">
/// Changes as <c>PATH=VALUE</c>, applied in order after the scenario's own top-level <c>set</c>; VALUE is
/// YAML, such as <c>budget</c>, <c>0.4</c> or <c>{lognormal: {mu: 6, sigma: 1}}</c>.
/// </param>
/// <param name="Branch">The one branch to compare, or null for every branch.</param>
/// <param name="Trials">Trials per branch of each of the two runs, or null for the scenario's.</param>
/// <param name="Seed">Seed of both runs, or null for the scenario's.</param>
public sealed record WhatIfRequest(
    SubmittedScenario? Scenario = null,
    string? Example = null,
    IReadOnlyList<string>? Sets = null,
    string? Branch = null,
    int? Trials = null,
    ulong? Seed = null);
