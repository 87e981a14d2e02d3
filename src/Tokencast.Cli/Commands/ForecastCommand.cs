using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Planning;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

namespace Tokencast.Cli.Commands;

/// <summary>
/// The <c>tokencast forecast FILE</c> command: runs the Monte Carlo forecast of a scenario, prints a band
/// table per branch and writes bands.csv, bands.json and report.html.
/// </summary>
internal static class ForecastCommand
{
    private const int DefaultTrials = 2000;
    private const ulong DefaultSeed = 1;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Scenario file (YAML or JSON)." };
        var branches = new Option<string[]>("--branch")
        {
            Description = "Branch to run; repeat for several. Default: every branch of the scenario.",
            AllowMultipleArgumentsPerToken = false,
        };
        var trials = new Option<int?>("--trials") { Description = $"Trials per branch (default: the scenario's trials, else {DefaultTrials})." };
        var seed = new Option<ulong?>("--seed") { Description = $"Random seed (default: the scenario's seed, else {DefaultSeed})." };
        var output = new Option<string?>("--out")
        {
            Description = "Directory for bands.csv, cost_per_task.csv, bands.json and report.html (default: out/<scenario file name>).",
        };
        var catalog = new Option<string?>("--catalog") { Description = "LiteLLM-format price catalog (JSON) to use instead of the scenario's or the bundled one." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); the output does not depend on it." };

        var command = new Command("forecast", "Forecast monthly spend bands for every branch of a scenario.");
        command.Arguments.Add(file);
        command.Options.Add(branches);
        command.Options.Add(trials);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.Options.Add(catalog);
        command.Options.Add(threads);
        command.SetAction(parseResult => Run(
            new ForecastSettings(
                parseResult.GetValue(file)!,
                parseResult.GetValue(branches) ?? [],
                parseResult.GetValue(trials),
                parseResult.GetValue(seed),
                parseResult.GetValue(output),
                parseResult.GetValue(catalog),
                parseResult.GetValue(threads)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            showProgress: !Console.IsOutputRedirected));
        return command;
    }

    /// <summary>Runs the forecast and returns the exit code: 0, or 1 for invalid input.</summary>
    public static int Run(ForecastSettings settings, TextWriter output, TextWriter error, bool showProgress = false) =>
        CommandRunner.Run(
            () =>
            {
                var document = ScenarioReader.ReadFile(settings.File, CatalogCheck.UnknownModels);
                foreach (var warning in document.Warnings)
                {
                    error.WriteLine($"warning: {warning}");
                }

                var plan = ScenarioCompiler.Compile(document, settings.Branches, settings.Catalog);
                var options = Options(settings, document.Base);
                var directory = PrepareOutputDirectory(settings);
                var watch = Stopwatch.StartNew();
                var result = showProgress
                    ? RunWithProgressBar(plan, options)
                    : new ForecastEngine(plan, options).Run();
                watch.Stop();

                var console = ConsoleFactory.Plain(output);
                BandTable.Render(result, console);

                var context = new Core.Reporting.ReportContext(
                    Path.GetFileName(settings.File),
                    "tokencast forecast " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2)),
                    DateTimeOffset.UtcNow,
                    []);
                var paths = Core.Reporting.ForecastOutputWriter.WriteAll(result, directory, context);
                output.WriteLine(
                    $"{options.Trials} trials x {plan.Branches.Count} branches in {watch.Elapsed.TotalSeconds:F1} s; wrote "
                    + string.Join(", ", paths.All));
                return CommandRunner.Success;
            },
            error);

    /// <summary>
    /// Creates the output directory before the run, so that a path that is a file or cannot be written
    /// fails in a second, not after the simulation.
    /// </summary>
    private static string PrepareOutputDirectory(ForecastSettings settings)
    {
        if (settings.OutputDirectory is { } given && string.IsNullOrWhiteSpace(given))
        {
            throw new InvalidInputException(new InputProblem(
                null, null, "--out", given, "is empty; give a directory for the output files or leave the option out"));
        }

        var directory = settings.OutputDirectory ?? Path.Combine("out", Path.GetFileNameWithoutExtension(settings.File));
        if (File.Exists(directory))
        {
            throw new InvalidInputException(new InputProblem(
                null, null, "--out", directory, "is a file; give a directory for bands.csv, bands.json and report.html"));
        }

        Directory.CreateDirectory(directory);
        return directory;
    }

    private static EngineOptions Options(ForecastSettings settings, Scenario scenario)
    {
        var problems = new List<InputProblem>();
        var trials = settings.Trials ?? scenario.Trials ?? DefaultTrials;
        if (trials is < 1 or > 10_000_000)
        {
            problems.Add(new InputProblem(
                settings.Trials is null ? settings.File : null,
                null,
                settings.Trials is null ? "trials" : "--trials",
                trials.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "trials must be between 1 and 10,000,000"));
        }

        if (settings.Threads is < 1)
        {
            problems.Add(new InputProblem(null, null, "--threads", settings.Threads.ToString(), "threads must be 1 or more"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var seed = settings.Seed ?? (scenario.Seed is { } scenarioSeed ? unchecked((ulong)scenarioSeed) : DefaultSeed);
        return new EngineOptions(trials, seed, SimulationMode.Aggregated, settings.Threads ?? -1);
    }

    private static ForecastResult RunWithProgressBar(SimulationPlan plan, EngineOptions options)
    {
        ForecastResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("forecast", maxValue: 1);
                var progress = new Progress<ForecastProgress>(p =>
                {
                    task.Description = $"{p.Branch}: {p.Stage}";
                    task.Value = p.Total == 0 ? 0 : (double)p.Done / p.Total;
                });
                result = new ForecastEngine(plan, options).Run(progress);
                task.Value = 1;
            });
        return result!;
    }
}
