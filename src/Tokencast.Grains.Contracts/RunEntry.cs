using System.Collections.Immutable;

namespace Tokencast.Grains;

/// <summary>One run in the <see cref="IRunIndexGrain">run index</see>.</summary>
/// <param name="RunId">The run's forecast id.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Branches">The branches run, in order.</param>
/// <param name="Trials">Trials per branch requested.</param>
/// <param name="Seed">Run seed.</param>
/// <param name="StartedAt">When the run was admitted.</param>
/// <param name="State">Where the run is.</param>
/// <param name="ConvergedAtTrials">Trials done when the run converged, or null.</param>
[GenerateSerializer, Immutable, Alias("tokencast.run-entry.v1")]
public sealed record RunEntry(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Scenario,
    [property: Id(2)] ImmutableArray<string> Branches,
    [property: Id(3)] int Trials,
    [property: Id(4)] ulong Seed,
    [property: Id(5)] DateTimeOffset StartedAt,
    [property: Id(6)] RunState State,
    [property: Id(7)] int? ConvergedAtTrials);
