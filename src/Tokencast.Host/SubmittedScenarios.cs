using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Inputs;
using Tokencast.Core.Scenarios;
using Tokencast.Grains;
using Tokencast.Grains.Runs;

namespace Tokencast.Host;

/// <summary>Checks scenarios sent in requests and turns requests into run definitions.</summary>
public static class SubmittedScenarios
{
    /// <summary>Folder submitted scenarios are placed in; files they refer to are looked for there and not found.</summary>
    public const string Folder = "/submitted";

    /// <summary>
    /// Default convergence tolerance: a standard error within 2 % of every percentile. Monthly P5 and P95
    /// are the slowest to settle; the bundled example reached 2 % at 9,600 trials per branch when measured.
    /// </summary>
    public const double DefaultTolerance = 0.02;

    /// <summary>File name a submitted scenario gets when its name is missing or is not a file name.</summary>
    public const string DefaultName = "scenario.yaml";

    /// <summary>Reads and compiles a submitted scenario, with the same checks as the command line.</summary>
    /// <param name="scenario">The scenario sent.</param>
    /// <param name="limits">The host's limits; the text must fit in their scenario size.</param>
    /// <param name="branches">Branches to compile; null for all.</param>
    /// <param name="textPath">Path of the text in the request body, for messages.</param>
    /// <exception cref="InvalidInputException">The scenario is invalid; carries every problem found.</exception>
    /// <exception cref="ScenarioTooLargeException">The text is above the size limit.</exception>
    public static (ScenarioBundle Bundle, ScenarioDocument Document) Check(
        SubmittedScenario scenario, HostLimits limits, IReadOnlyList<string>? branches = null, string textPath = "scenario.text")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(limits);
        if (string.IsNullOrWhiteSpace(scenario.Text))
        {
            throw new InvalidInputException(new InputProblem(null, null, textPath, null, "is empty; send the scenario's YAML or JSON"));
        }

        var bytes = Encoding.UTF8.GetByteCount(scenario.Text);
        if (bytes > limits.MaxScenarioBytes)
        {
            throw new ScenarioTooLargeException(bytes, limits.MaxScenarioBytes, textPath);
        }

        var path = Folder + "/" + FileName(scenario.Name);
        var bundle = new ScenarioBundle(path, ImmutableSortedDictionary<string, string>.Empty.Add(path, scenario.Text), null);
        try
        {
            var document = bundle.Read();
            bundle.Compile(branches);
            return (bundle, document);
        }
        catch (InvalidInputException exception)
        {
            throw new InvalidInputException([.. exception.Problems.Select(ExplainMissingFile)]);
        }
    }

    /// <summary>
    /// Returns the last part of <paramref name="name"/> as a file name, or <see cref="DefaultName"/> when that
    /// part is missing, <c>.</c> or <c>..</c>. The name appears only in messages.
    /// </summary>
    public static string FileName(string? name)
    {
        var last = Path.GetFileName((name ?? "").Replace('\\', '/').TrimEnd('/')).Trim();
        return last is "" or "." or ".." ? DefaultName : last;
    }

    /// <summary>
    /// Replaces the reader's "file not found" for a file the scenario names, because the fix for a submitted
    /// scenario is not another path: nothing but the scenario itself is in <see cref="Folder"/>.
    /// </summary>
    private static InputProblem ExplainMissingFile(InputProblem problem) =>
        problem.Message.StartsWith("file not found", StringComparison.Ordinal)
            ? problem with
            {
                Message = "a scenario sent as text cannot read other files; put the values in the text, or start one "
                    + "of this host's examples (GET /api/examples), which read the files next to them",
            }
            : problem;

    /// <summary>Builds the run definition of a request, checking its numbers against the host's limits.</summary>
    /// <exception cref="InvalidInputException">The scenario, the example's name or a number is invalid.</exception>
    /// <exception cref="ScenarioTooLargeException">The scenario text is above the size limit.</exception>
    public static RunDefinition Define(RunRequest request, HostLimits limits, Examples examples)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(examples);
        var (input, scenarioTrials, scenarioSeed) = Resolve(request.Scenario, request.Example, limits, examples, request.Branches);
        var problems = new List<InputProblem>();
        var trials = RunDefaults.TrialsFor(request.Trials, scenarioTrials);
        if (trials < 1 || trials > limits.MaxTrials)
        {
            problems.Add(new InputProblem(null, null, "trials", Text(trials),
                $"trials must be between 1 and {limits.MaxTrials:N0}, the most this host runs per branch"));
        }

        if (request.BlockSize is < 1 or > RunDefinition.MaxBlockSize)
        {
            problems.Add(new InputProblem(null, null, "blockSize", request.BlockSize is { } size ? Text(size) : null,
                $"the block size must be between 1 and {RunDefinition.MaxBlockSize:N0} trials"));
        }

        var tolerance = request.Tolerance ?? DefaultTolerance;
        if (!(tolerance >= 0 && tolerance < 1))
        {
            problems.Add(new InputProblem(null, null, "tolerance", tolerance.ToString("R", CultureInfo.InvariantCulture),
                "the tolerance is a relative standard error: 0 (no convergence check) or more, below 1 (0.01 is 1 %)"));
        }

        if (request.StopWhenConverged && tolerance == 0)
        {
            problems.Add(new InputProblem(null, null, "stopWhenConverged", "true",
                "a run can stop at convergence only with a tolerance above 0"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var seed = RunDefaults.SeedFor(request.Seed, scenarioSeed);
        return new RunDefinition(
            input,
            [.. request.Branches ?? []],
            trials,
            seed,
            RunMode.Aggregated,
            new Core.Simulation.EngineOptions().PoolTargetRelativeError,
            request.BlockSize ?? RunDefinition.DefaultBlockSize,
            tolerance,
            request.StopWhenConverged);
    }

    /// <summary>
    /// Returns the input of the scenario a request names, sent as text or one of the examples, with the
    /// trials and seed the scenario sets. Exactly one of <paramref name="scenario"/> and
    /// <paramref name="example"/> must be given.
    /// </summary>
    /// <exception cref="InvalidInputException">Both or neither are given, or the scenario or a branch is invalid.</exception>
    /// <exception cref="ScenarioTooLargeException">The scenario text is above the size limit.</exception>
    public static (ScenarioInput Input, int? Trials, long? Seed) Resolve(
        SubmittedScenario? scenario, string? example, HostLimits limits, Examples examples, IReadOnlyList<string>? branches)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(examples);
        switch (scenario, example)
        {
            case (null, null):
                throw new InvalidInputException(new InputProblem(null, null, "scenario", null,
                    "is missing; send { \"scenario\": { \"name\": ..., \"text\": ... } } or { \"example\": NAME }"));
            case (not null, not null):
                throw new InvalidInputException(new InputProblem(null, null, "example", example,
                    "send either a scenario or an example, not both"));
            case ({ } submitted, null):
                var (bundle, document) = Check(submitted, limits, branches);
                return (ScenarioInputs.From(bundle), document.Base.Trials, document.Base.Seed);
            default:
                var input = examples.Get(example!);
                var offered = new ScenarioBundle(input.MainFile, input.Files, input.CatalogFile);
                var read = offered.Read();
                offered.Compile(branches);
                return (input, read.Base.Trials, read.Base.Seed);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
