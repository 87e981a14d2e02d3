namespace Tokencast.Host;

/// <summary>A request for the quality-cost levers of a scenario's features.</summary>
/// <param name="Scenario">The scenario to analyse; null when <paramref name="Example"/> is set.</param>
/// <param name="Example">Name of one of the host's examples; null when <paramref name="Scenario"/> is set.</param>
/// <param name="Feature">The one feature to analyse, or null for every feature.</param>
/// <param name="Trials">Trials over which price trends are averaged, or null for the scenario's.</param>
/// <param name="Seed">Seed of the task-cost samples, or null for the scenario's.</param>
public sealed record LeversRequest(
    SubmittedScenario? Scenario = null,
    string? Example = null,
    string? Feature = null,
    int? Trials = null,
    ulong? Seed = null);
