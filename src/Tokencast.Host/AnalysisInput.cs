using System.Globalization;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Inputs;

namespace Tokencast.Host;

/// <summary>The scenario an analysis request names, with the trials and seed the analysis runs with.</summary>
/// <param name="Bundle">The scenario and every file it reads.</param>
/// <param name="Trials">
/// Trials per branch: the request's, else the scenario's, else <see cref="RunDefaults.Trials"/>.
/// </param>
/// <param name="Seed">Seed: the request's, else the scenario's, else 1.</param>
internal sealed record AnalysisInput(ScenarioBundle Bundle, int Trials, ulong Seed)
{
    /// <summary>
    /// Resolves a scenario sent as text or an example's name, as a run request does, and checks the trials
    /// against the host's limit.
    /// </summary>
    /// <param name="scenario">The scenario sent as text, or null.</param>
    /// <param name="example">The example's name, or null.</param>
    /// <param name="trials">The request's trials, or null.</param>
    /// <param name="seed">The request's seed, or null.</param>
    /// <param name="branches">Branches that must exist; null for none in particular.</param>
    /// <param name="minTrials">Fewest trials the analysis can use.</param>
    /// <param name="limits">The host's limits.</param>
    /// <param name="examples">The host's examples.</param>
    /// <exception cref="InvalidInputException">The scenario, the example, a branch or the trials are invalid.</exception>
    /// <exception cref="ScenarioTooLargeException">The scenario text is above the size limit.</exception>
    public static AnalysisInput Resolve(
        SubmittedScenario? scenario,
        string? example,
        int? trials,
        ulong? seed,
        IReadOnlyList<string>? branches,
        int minTrials,
        HostLimits limits,
        Examples examples)
    {
        var (input, scenarioTrials, scenarioSeed) = SubmittedScenarios.Resolve(scenario, example, limits, examples, branches);
        var chosenTrials = RunDefaults.TrialsFor(trials, scenarioTrials);
        if (chosenTrials < minTrials || chosenTrials > limits.MaxTrials)
        {
            throw new InvalidInputException(new InputProblem(null, null, "trials",
                chosenTrials.ToString(CultureInfo.InvariantCulture),
                $"trials must be between {minTrials:N0} and {limits.MaxTrials:N0}, the most this host runs per branch"));
        }

        var chosenSeed = RunDefaults.SeedFor(seed, scenarioSeed);
        return new AnalysisInput(new ScenarioBundle(input.MainFile, input.Files, input.CatalogFile), chosenTrials, chosenSeed);
    }
}
