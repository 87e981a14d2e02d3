using System.Collections.Immutable;
using Tokencast.Core;

namespace Tokencast.Grains;

/// <summary>What a run has done so far.</summary>
/// <param name="RunId">The run.</param>
/// <param name="State">Running, completed, failed or cancelled.</param>
/// <param name="Version">Grows with every change, so a watcher can ask for the next one.</param>
/// <param name="Trials">Trials per branch.</param>
/// <param name="TrialsDone">Trials simulated in every branch so far.</param>
/// <param name="Blocks">Blocks of trials in the run.</param>
/// <param name="BlocksDone">Blocks simulated so far.</param>
/// <param name="Branches">Partial bands per branch, refreshed every second or so while running.</param>
/// <param name="Problems">What is wrong with the scenario, when it failed for that.</param>
/// <param name="Error">What went wrong otherwise, or null.</param>
/// <param name="Tolerance">The run's <see cref="RunDefinition.Tolerance"/>, 0 when it has none.</param>
/// <param name="ConvergedAtTrials">
/// Trials done in every branch when the partial bands first met the tolerance, or null until then. A run
/// that stops when converged completes with the first N trials that every branch holds, and reports that
/// N as <paramref name="TrialsDone"/>, which can be below <paramref name="Trials"/>.
/// </param>
/// <param name="Scenario">The scenario's name, or "" before its plan is compiled or if it is invalid.</param>
[GenerateSerializer, Immutable, Alias("tokencast.run-status.v1")]
public sealed record RunStatus(
    [property: Id(0)] string RunId,
    [property: Id(1)] RunState State,
    [property: Id(2)] long Version,
    [property: Id(3)] int Trials,
    [property: Id(4)] int TrialsDone,
    [property: Id(5)] int Blocks,
    [property: Id(6)] int BlocksDone,
    [property: Id(7)] ImmutableArray<BranchProgress> Branches,
    [property: Id(8)] ImmutableArray<InputProblem> Problems,
    [property: Id(9)] string? Error,
    [property: Id(10)] double Tolerance,
    [property: Id(11)] int? ConvergedAtTrials,
    [property: Id(12)] string Scenario)
{
    /// <summary>Whether the run has stopped for good.</summary>
    public bool IsFinished => State != RunState.Running;
}
