using Tokencast.Grains;

namespace Tokencast.Host;

/// <summary>One run in the run list.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Branches">Branches run.</param>
/// <param name="Trials">Trials per branch asked for.</param>
/// <param name="TrialsDone">Trials done per branch.</param>
/// <param name="State">Running, completed, failed or cancelled.</param>
/// <param name="StartedAt">When the run was started.</param>
/// <param name="ConvergedAtTrials">Trials per branch when it converged, or null.</param>
public sealed record RunSummary(
    string RunId,
    string Scenario,
    IReadOnlyList<string> Branches,
    int Trials,
    int TrialsDone,
    RunState State,
    DateTimeOffset StartedAt,
    int? ConvergedAtTrials);
