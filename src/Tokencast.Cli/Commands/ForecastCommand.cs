using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Planning;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;
using Tokencast.Grains;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Runs;

namespace Tokencast.Cli.Commands;

/// <summary>
/// The <c>tokencast forecast FILE</c> command: runs the Monte Carlo forecast of a scenario, prints a band
/// table per branch and writes bands.csv, bands.json and report.html; with <c>--sensitivity</c> it also
/// ranks the uncertain assumptions of each branch by how much they widen the band.
/// </summary>
internal static class ForecastCommand
{
    private const int MaxSilos = 16;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Scenario file (YAML or JSON)." };
        var branches = new Option<string[]>("--branch")
        {
            Description = "Branch to run; repeat for several. Default: every branch of the scenario.",
            AllowMultipleArgumentsPerToken = false,
        };
        var trials = new Option<int?>("--trials") { Description = $"Trials per branch (default: the scenario's trials, else {RunDefaults.Trials})." };
        var seed = new Option<ulong?>("--seed") { Description = $"Random seed (default: the scenario's seed, else {RunDefaults.Seed})." };
        var output = new Option<string?>("--out")
        {
            Description = "Directory for bands.csv, cost_per_task.csv, bands.json and report.html (default: out/<scenario file name>).",
        };
        var catalog = new Option<string?>("--catalog") { Description = "LiteLLM-format price catalog (JSON) to use instead of the scenario's or the bundled one." };
        var silos = new Option<int>("--silos")
        {
            Description = $"Silos to start in this process, 1 to {MaxSilos}; the output does not depend on it.",
            DefaultValueFactory = _ => 1,
        };
        var blockSize = new Option<int?>("--block-size")
        {
            Description = $"Trials per block of work (default {RunDefinition.DefaultBlockSize}); the output does not depend on it.",
        };
        var cluster = new Option<string?>("--cluster")
        {
            Description = "PostgreSQL connection string of a running cluster to run on instead of silos in this process.",
        };
        var clusterId = new Option<string>("--cluster-id")
        {
            Description = "Cluster id, with --cluster.",
            DefaultValueFactory = _ => ClusterNames.DefaultClusterId,
        };
        var serviceId = new Option<string>("--service-id")
        {
            Description = "Service id, with --cluster.",
            DefaultValueFactory = _ => ClusterNames.DefaultServiceId,
        };

        var record = new Option<string?>("--record")
        {
            Description = "Store the result as a new version of this tracked forecast name, unless the same "
                + "inputs are stored already.",
        };
        var note = new Option<string>("--note")
        {
            Description = "What changed, stored with the version, with --record.",
            DefaultValueFactory = _ => "",
        };
        var history = HistoryCommand.HistoryOption();
        var sensitivity = new Option<bool>("--sensitivity")
        {
            Description = "Also rank each branch's uncertain assumptions by how much they move the horizon total, "
                + "print the ranking and write sensitivity.csv, sensitivity.json and tornado charts. Simulates "
                + "the trials a second time, in this process.",
        };

        var command = new Command("forecast", "Forecast monthly spend bands for every branch of a scenario.");
        command.Arguments.Add(file);
        command.Options.Add(branches);
        command.Options.Add(trials);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.Options.Add(catalog);
        command.Options.Add(silos);
        command.Options.Add(blockSize);
        command.Options.Add(cluster);
        command.Options.Add(clusterId);
        command.Options.Add(serviceId);
        command.Options.Add(record);
        command.Options.Add(note);
        command.Options.Add(history);
        command.Options.Add(sensitivity);
        command.SetAction(parseResult => Run(
            new ForecastSettings(
                parseResult.GetValue(file)!,
                parseResult.GetValue(branches) ?? [],
                parseResult.GetValue(trials),
                parseResult.GetValue(seed),
                parseResult.GetValue(output),
                parseResult.GetValue(catalog),
                parseResult.GetValue(silos),
                parseResult.GetValue(blockSize),
                parseResult.GetValue(cluster),
                parseResult.GetValue(clusterId)!,
                parseResult.GetValue(serviceId)!,
                parseResult.GetValue(record),
                parseResult.GetValue(note) ?? "",
                parseResult.GetValue(history),
                parseResult.GetValue(sensitivity)),
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
                var (input, document) = ScenarioInputs.Capture(settings.File, settings.Catalog);
                foreach (var warning in document.Warnings)
                {
                    error.WriteLine($"warning: {warning}");
                }

                var definition = Definition(settings, input, document.Base);

                // Branch names and memory are checked here, before any silo starts or any directory is made.
                var plan = ScenarioInputs.Compile(definition.Scenario, definition.Branches);
                ForecastEngine.CheckSampleSize(plan, definition.Trials);
                CheckRecordOptions(settings);
                CheckSensitivityOptions(settings, definition);
                var directory = PrepareOutputDirectory(settings);
                var watch = Stopwatch.StartNew();
                ForecastResult result;
                try
                {
                    result = RunOnCluster(settings, definition, showProgress).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    error.WriteLine("error: the forecast was cancelled; no output was written");
                    return CommandRunner.Interrupted;
                }
                catch (Exception exception) when (exception is OrleansException or TimeoutException or InvalidOperationException
                    or Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
                {
                    error.WriteLine(settings.Cluster is null
                        ? $"error: the forecast failed on the silos in this process: {exception.Message}"
                        : $"error: the forecast failed on cluster {settings.ClusterId}: {exception.Message}; check --cluster, "
                            + "--cluster-id and that the database and at least one silo are running");
                    return CommandRunner.Failed;
                }

                watch.Stop();

                var console = ConsoleFactory.Plain(output);
                BandTable.Render(result, console);

                IReadOnlyList<BranchSensitivity>? sensitivity = null;
                if (settings.Sensitivity)
                {
                    var sensitivityWatch = Stopwatch.StartNew();
                    sensitivity = RankAssumptions(plan, definition, showProgress);
                    SensitivityTable.Render(sensitivity, console);
                    output.WriteLine(
                        $"ranked the assumptions of {sensitivity.Count} branches on the core engine in this process "
                        + $"in {sensitivityWatch.Elapsed.TotalSeconds:F1} s");
                }

                // A scenario with eval results gets its operating points in the report: they cost a task-cost
                // sample per point, not a forecast, so they come with every run.
                Core.Levers.LeverReport? levers = null;
                if (document.Base.Quality is not null)
                {
                    var bundle = new ScenarioBundle(input.MainFile, input.Files, input.CatalogFile);
                    levers = Core.Levers.LeverAnalysis.Analyse(bundle, new Core.Levers.LeverOptions(definition.Seed, definition.Trials));
                }

                var context = new Core.Reporting.ReportContext(
                    Path.GetFileName(settings.File),
                    "tokencast forecast " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2)),
                    DateTimeOffset.UtcNow,
                    []);
                var paths = Core.Reporting.ForecastOutputWriter.WriteAll(result, directory, context, sensitivity, levers);
                var where = settings.Cluster is null
                    ? settings.Silos == 1 ? "one silo in this process" : $"{settings.Silos} silos in this process"
                    : $"cluster {settings.ClusterId}";
                output.WriteLine(
                    $"{result.Trials} trials x {result.Branches.Count} branches on {where} in {watch.Elapsed.TotalSeconds:F1} s; "
                    + $"forecast {definition.ForecastId()}; wrote " + string.Join(", ", paths.All));
                if (settings.Record is { } name)
                {
                    Record(settings, name, definition, result, output);
                }

                return CommandRunner.Success;
            },
            error);

    /// <summary>Checks --record, --note and --history before the run, so a mistake costs no simulation.</summary>
    private static void CheckRecordOptions(ForecastSettings settings)
    {
        if (settings.Record is { } name)
        {
            ForecastHistoryRules.CheckName(name);
        }
        else if (settings.History is not null || settings.Note.Length > 0)
        {
            throw new InvalidInputException(new InputProblem(
                null, null, settings.History is not null ? "--history" : "--note", null,
                "sets where and how a version is stored, so it needs --record NAME"));
        }
    }

    /// <summary>Checks that a run with --sensitivity has enough trials for deciles, before the run.</summary>
    private static void CheckSensitivityOptions(ForecastSettings settings, RunDefinition definition)
    {
        if (settings.Sensitivity && definition.Trials < Core.Quality.Sensitivity.MinTrials)
        {
            throw new InvalidInputException(new InputProblem(
                null, null, "--trials", definition.Trials.ToString(CultureInfo.InvariantCulture),
                $"--sensitivity needs at least {Core.Quality.Sensitivity.MinTrials} trials, so that every decile "
                + "has a trial; run more trials or leave --sensitivity out"));
        }
    }

    /// <summary>
    /// Simulates the trials again on the core engine in this process, keeping each trial's total, and ranks the
    /// assumptions of every branch. The grains do not keep per-trial totals, and the core engine gives the
    /// same trials for the same plan and seed.
    /// </summary>
    private static IReadOnlyList<BranchSensitivity> RankAssumptions(
        SimulationPlan plan, RunDefinition definition, bool showProgress)
    {
        var options = definition.EngineOptions() with { MaxDegreeOfParallelism = -1 };
        if (!showProgress)
        {
            return ForecastSensitivity.Run(plan, options).Sensitivity;
        }

        IReadOnlyList<BranchSensitivity>? ranking = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("sensitivity", maxValue: 1);
                var progress = new EngineProgress(status =>
                {
                    task.Description = $"sensitivity: {status.Stage}";
                    task.Value = status.Total == 0 ? 0 : (double)status.Done / status.Total;
                });
                ranking = ForecastSensitivity.Run(plan, options, progress).Sensitivity;
                task.Value = 1;
            });
        return ranking!;
    }

    /// <summary>Stores the result as a version of <paramref name="name"/> and prints its number.</summary>
    private static void Record(
        ForecastSettings settings, string name, RunDefinition definition, ForecastResult result, TextWriter output)
    {
        var scenario = definition.Scenario;
        var inputs = new VersionInputs(
            new ScenarioBundle(scenario.MainFile, scenario.Files, scenario.CatalogFile),
            [.. definition.Branches],
            definition.Trials,
            definition.Seed);
        var history = HistoryCommand.Open(settings.History);
        var addition = history.Add(ForecastVersionDraft.Create(name, null, inputs, [], settings.Note, result));
        output.WriteLine(addition.Added
            ? $"recorded version {addition.Version.Number} of {name} in {history.Folder}"
            : $"version {addition.Version.Number} of {name} has the same inputs and no cut-off; nothing new recorded");
    }

    /// <summary>
    /// Runs the forecast through the grains: on silos started in this process (in-memory state, gone when
    /// the command ends) or, with <see cref="ForecastSettings.Cluster"/>, as a client of a running cluster.
    /// </summary>
    internal static async Task<ForecastResult> RunOnCluster(ForecastSettings settings, RunDefinition definition, bool showProgress)
    {
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            if (settings.Cluster is { } connectionString)
            {
                await using var client = await ClusterClient.ConnectAsync(
                    connectionString, settings.ClusterId, settings.ServiceId, cancellationToken: interrupt.Token);
                return await RunWithProgress(new ForecastRunner(client.Grains, RetryLogger()), definition, showProgress, interrupt.Token);
            }

            await using var cluster = await EmbeddedCluster.StartAsync(settings.Silos, cancellationToken: interrupt.Token);
            return await RunWithProgress(new ForecastRunner(cluster.Grains, RetryLogger()), definition, showProgress, interrupt.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Writes the runner's warnings (a call to the cluster failed and the run is resumed) to standard error.</summary>
    private static Microsoft.Extensions.Logging.ILogger<ForecastRunner> RetryLogger() =>
        Microsoft.Extensions.Logging.LoggerFactory
            .Create(logging => logging
                .AddSimpleConsole(options => options.SingleLine = true)
                .AddFilter((_, level) => level >= Microsoft.Extensions.Logging.LogLevel.Warning)
                .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
                    options => options.LogToStandardErrorThreshold = Microsoft.Extensions.Logging.LogLevel.Trace))
            .CreateLogger<ForecastRunner>();

    private static async Task<ForecastResult> RunWithProgress(
        ForecastRunner runner, RunDefinition definition, bool showProgress, CancellationToken cancellationToken)
    {
        if (!showProgress)
        {
            return await runner.RunAsync(definition, null, cancellationToken);
        }

        ForecastResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("forecast", maxValue: 1);
                var progress = new StatusProgress(status =>
                {
                    task.Description = $"{status.TrialsDone:N0} of {status.Trials:N0} trials";
                    task.Value = status.Blocks == 0 ? 0 : (double)status.BlocksDone / status.Blocks;
                });
                result = await runner.RunAsync(definition, progress, cancellationToken);
                task.Value = 1;
            });
        return result!;
    }

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

    internal static RunDefinition Definition(ForecastSettings settings, ScenarioInput input, Scenario document)
    {
        var problems = new List<InputProblem>();
        var trials = RunDefaults.TrialsFor(settings.Trials, document.Trials);
        if (trials is < 1 or > 10_000_000)
        {
            problems.Add(new InputProblem(
                settings.Trials is null ? settings.File : null,
                null,
                settings.Trials is null ? "trials" : "--trials",
                trials.ToString(CultureInfo.InvariantCulture),
                "trials must be between 1 and 10,000,000"));
        }

        if (settings.Silos is < 1 or > MaxSilos)
        {
            problems.Add(new InputProblem(
                null, null, "--silos", settings.Silos.ToString(CultureInfo.InvariantCulture), $"silos must be between 1 and {MaxSilos}"));
        }

        if (settings.BlockSize is < 1 or > RunDefinition.MaxBlockSize)
        {
            problems.Add(new InputProblem(
                null,
                null,
                "--block-size",
                settings.BlockSize?.ToString(CultureInfo.InvariantCulture),
                $"the block size must be between 1 and {RunDefinition.MaxBlockSize:N0} trials"));
        }

        if (settings.Cluster is { } cluster)
        {
            if (string.IsNullOrWhiteSpace(cluster))
            {
                problems.Add(new InputProblem(null, null, "--cluster", cluster, "is empty; give a PostgreSQL connection string"));
            }
            else
            {
                try
                {
                    _ = new Npgsql.NpgsqlConnectionStringBuilder(cluster);
                }
                catch (ArgumentException exception)
                {
                    problems.Add(new InputProblem(null, null, "--cluster", null, $"is not a valid connection string: {exception.Message}"));
                }
            }

            if (settings.Silos != 1)
            {
                problems.Add(new InputProblem(
                    null, null, "--silos", settings.Silos.ToString(CultureInfo.InvariantCulture),
                    "starts silos in this process, so it cannot be used with --cluster"));
            }
        }
        else if (settings.ClusterId != ClusterNames.DefaultClusterId || settings.ServiceId != ClusterNames.DefaultServiceId)
        {
            problems.Add(new InputProblem(
                null, null, settings.ClusterId != ClusterNames.DefaultClusterId ? "--cluster-id" : "--service-id", null,
                "names a cluster to connect to, so it needs --cluster"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var seed = RunDefaults.SeedFor(settings.Seed, document.Seed);
        return new RunDefinition(
            input,
            [.. settings.Branches],
            trials,
            seed,
            RunMode.Aggregated,
            new EngineOptions().PoolTargetRelativeError,
            settings.BlockSize ?? RunDefinition.DefaultBlockSize);
    }

    /// <summary>Reports each engine progress to a callback, on the thread that reports it.</summary>
    private sealed class EngineProgress(Action<ForecastProgress> report) : IProgress<ForecastProgress>
    {
        public void Report(ForecastProgress value) => report(value);
    }

    /// <summary>Reports each status to a callback, on the thread that reports it.</summary>
    private sealed class StatusProgress(Action<RunStatus> report) : IProgress<RunStatus>
    {
        public void Report(RunStatus value) => report(value);
    }
}
