using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Levers;

/// <summary>A scenario forecast as written and with command-line sets, with the same trials and seed.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="FirstMonth">First day of the first forecast month; cost per task is for this month.</param>
/// <param name="Months">Months in the horizon.</param>
/// <param name="Trials">Trials per branch of each run.</param>
/// <param name="Seed">Seed of both runs.</param>
/// <param name="Overrides">The sets applied, in the order given.</param>
/// <param name="Branches">Each branch compared, in scenario order.</param>
public sealed record WhatIfResult(
    string Scenario,
    DateOnly FirstMonth,
    int Months,
    int Trials,
    ulong Seed,
    IReadOnlyList<SetOverride> Overrides,
    IReadOnlyList<BranchWhatIf> Branches);
