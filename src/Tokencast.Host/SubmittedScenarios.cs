using System.Collections.Immutable;
using Tokencast.Core;
using Tokencast.Core.Inputs;
using Tokencast.Core.Scenarios;
using Tokencast.Grains;
using Tokencast.Grains.Runs;

namespace Tokencast.Host;

/// <summary>Checks scenarios sent in requests and turns them into run definitions.</summary>
public static class SubmittedScenarios
{
    /// <summary>Folder submitted scenarios are placed in; files they refer to are looked for there and not found.</summary>
    public const string Folder = "/submitted";

    /// <summary>Default trials per branch when neither the request nor the scenario sets them.</summary>
    public const int DefaultTrials = 2000;

    /// <summary>Reads and compiles a submitted scenario, with the same checks as the command line.</summary>
    /// <exception cref="InvalidInputException">The scenario is invalid; carries every problem found.</exception>
    public static (ScenarioBundle Bundle, ScenarioDocument Document) Check(SubmittedScenario scenario, IReadOnlyList<string>? branches = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (string.IsNullOrWhiteSpace(scenario.Text))
        {
            throw new InvalidInputException(new InputProblem(null, null, "scenario.text", null, "is empty; send the scenario's YAML or JSON"));
        }

        var name = Path.GetFileName(string.IsNullOrWhiteSpace(scenario.Name) ? "scenario.yaml" : scenario.Name);
        var path = Folder + "/" + name;
        var bundle = new ScenarioBundle(path, ImmutableSortedDictionary<string, string>.Empty.Add(path, scenario.Text), null);
        var document = bundle.Read();
        bundle.Compile(branches);
        return (bundle, document);
    }

    /// <summary>Builds the run definition of a request, checking its numbers.</summary>
    /// <exception cref="InvalidInputException">The scenario or a number is invalid.</exception>
    public static RunDefinition Define(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Scenario is null)
        {
            throw new InvalidInputException(new InputProblem(null, null, "scenario", null, "is missing; send { \"scenario\": { \"text\": ... } }"));
        }

        var (bundle, document) = Check(request.Scenario, request.Branches);
        var problems = new List<InputProblem>();
        var trials = request.Trials ?? document.Base.Trials ?? DefaultTrials;
        if (trials is < 1 or > 10_000_000)
        {
            problems.Add(new InputProblem(null, null, "trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "trials must be between 1 and 10,000,000"));
        }

        if (request.BlockSize is < 1 or > RunDefinition.MaxBlockSize)
        {
            problems.Add(new InputProblem(null, null, "blockSize", request.BlockSize?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"the block size must be between 1 and {RunDefinition.MaxBlockSize:N0} trials"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var seed = request.Seed ?? (document.Base.Seed is { } scenarioSeed ? unchecked((ulong)scenarioSeed) : 1UL);
        return new RunDefinition(
            ScenarioInputs.From(bundle),
            [.. request.Branches ?? []],
            trials,
            seed,
            RunMode.Aggregated,
            new Core.Simulation.EngineOptions().PoolTargetRelativeError,
            request.BlockSize ?? RunDefinition.DefaultBlockSize);
    }
}
