using System.CommandLine;
using System.Globalization;
using Tokencast.Core;
using Tokencast.Grains;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Reforecasting;
using Tokencast.Grains.Runs;

namespace Tokencast.Cli.Commands;

/// <summary>
/// <c>tokencast schedule set|show|remove|run NAME</c>: manages the scheduled reforecast of a tracked
/// forecast on a running cluster. The cluster's reminders start each reforecast, and the silos read actuals
/// and store versions in the folders given to <c>tokencast silo --store --history</c>.
/// </summary>
internal static class ScheduleCommand
{
    // Fields of a schedule definition and the options of `schedule set` that give them.
    private static readonly Dictionary<string, string> OptionOfField = new(StringComparer.Ordinal)
    {
        ["cron"] = "--cron",
        ["window_days"] = "--window-days",
        ["trials"] = "--trials",
        ["branch"] = "--branch",
        ["alert_low"] = "--alert-low",
        ["alert_high"] = "--alert-high",
    };

    public static Command Create()
    {
        var command = new Command(
            "schedule", "Set, show, remove or run the scheduled reforecast of a tracked forecast on a cluster.");
        command.Subcommands.Add(CreateSet());
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateRemove());
        command.Subcommands.Add(CreateRun());
        return command;
    }

    /// <summary>Runs the command with arguments as typed after <c>tokencast schedule</c>.</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error) =>
        Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    private static Command CreateSet()
    {
        var name = NameArgument();
        var file = new Argument<string>("FILE")
        {
            Description = "The scenario to recalibrate and forecast at each run.",
        };
        var cron = new Option<string>("--cron")
        {
            Description = "When to reforecast: five cron fields in UTC "
                + "(minute hour day-of-month month day-of-week). Each run's cut-off is the day of its occurrence.",
            DefaultValueFactory = _ => ScheduleDefinition.Weekly,
        };
        var window = new Option<int>("--window-days")
        {
            Description = "Days of actuals before the cut-off to recalibrate from (1 to 366).",
            DefaultValueFactory = _ => 28,
        };
        var trials = new Option<int?>("--trials")
        {
            Description = "Trials per branch (default: the scenario's trials).",
        };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (default: the scenario's seed)." };
        var review = new ReviewOptions();
        var branch = review.Branch;
        var alertLow = review.AlertLow;
        var alertHigh = review.AlertHigh;
        var connection = new ConnectionOptions();
        var command = new Command(
            "set", "Set or replace the scheduled reforecast of NAME and register its reminder.")
        {
            name, file, cron, window, trials, seed, branch, alertLow, alertHigh,
        };
        connection.AddTo(command);
        command.SetAction(parseResult => Run(parseResult, connection, () =>
            {
                var forecast = parseResult.GetRequiredValue(name);
                var definition = new ScheduleDefinition(
                    ScenarioInputs.Capture(parseResult.GetRequiredValue(file)).Input,
                    parseResult.GetRequiredValue(cron),
                    parseResult.GetValue(window),
                    parseResult.GetValue(trials),
                    parseResult.GetValue(seed),
                    parseResult.GetRequiredValue(branch),
                    parseResult.GetValue(alertLow),
                    parseResult.GetValue(alertHigh));
                var cluster = connection.Read(parseResult, CheckDefinition(forecast, definition));
                var status = Call(cluster, grains => Schedule(grains, forecast).Define(definition));
                WriteStatus(parseResult.InvocationConfiguration.Output, status);
                return CommandRunner.Success;
            }));
        return command;
    }

    private static Command CreateShow()
    {
        var name = NameArgument();
        var connection = new ConnectionOptions();
        var command = new Command(
            "show", "Show the scheduled reforecast of NAME: its settings, next run and last run.") { name };
        connection.AddTo(command);
        command.SetAction(parseResult => Run(parseResult, connection, () =>
            {
                var forecast = parseResult.GetRequiredValue(name);
                var cluster = connection.Read(parseResult);
                var status = Call(cluster, grains => Schedule(grains, forecast).Status())
                    ?? throw NoSchedule(forecast);
                WriteStatus(parseResult.InvocationConfiguration.Output, status);
                return CommandRunner.Success;
            }));
        return command;
    }

    private static Command CreateRemove()
    {
        var name = NameArgument();
        var connection = new ConnectionOptions();
        var command = new Command(
            "remove", "Remove the scheduled reforecast of NAME and its reminder; stored versions stay.") { name };
        connection.AddTo(command);
        command.SetAction(parseResult => Run(parseResult, connection, () =>
            {
                var forecast = parseResult.GetRequiredValue(name);
                var cluster = connection.Read(parseResult);
                var removed = Call(cluster, grains => Schedule(grains, forecast).Remove());
                parseResult.InvocationConfiguration.Output.WriteLine(removed
                    ? $"removed the schedule of {forecast}; its versions stay in the history"
                    : $"{forecast} has no schedule; nothing removed");
                return CommandRunner.Success;
            }));
        return command;
    }

    private static Command CreateRun()
    {
        var name = NameArgument();
        var cutOff = new Option<string?>("--cut-off")
        {
            Description = "Actuals up to the day before this date (YYYY-MM-DD, UTC) are used; default the day "
                + "of the schedule's latest occurrence.",
        };
        var connection = new ConnectionOptions();
        var command = new Command(
            "run", "Run the scheduled reforecast of NAME now, on the cluster, and wait for it.") { name, cutOff };
        connection.AddTo(command);
        command.SetAction(parseResult => Run(parseResult, connection, () =>
            {
                var forecast = parseResult.GetRequiredValue(name);
                var day = ParseCutOff(parseResult.GetValue(cutOff), out var problems);
                var cluster = connection.Read(parseResult, problems);
                var run = Call(cluster, grains => Schedule(grains, forecast).RunNow(day));
                var configuration = parseResult.InvocationConfiguration;
                return WriteRun(configuration.Output, configuration.Error, forecast, run);
            }));
        return command;
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "Name of the tracked forecast." };

    private static IForecastScheduleGrain Schedule(IGrainFactory grains, string name) =>
        grains.GetGrain<IForecastScheduleGrain>(name);

    /// <summary>Returns the definition's problems, each naming the option that sets the field.</summary>
    private static IReadOnlyList<InputProblem> CheckDefinition(string name, ScheduleDefinition definition)
    {
        try
        {
            ScheduleRules.Check(name, definition, DateTimeOffset.UtcNow);
            return [];
        }
        catch (InvalidInputException exception)
        {
            return [.. exception.Problems.Select(problem =>
                problem.Path is { } path && OptionOfField.TryGetValue(path, out var option)
                    ? problem with { Path = option }
                    : problem)];
        }
    }

    private static DateOnly? ParseCutOff(string? text, out IReadOnlyList<InputProblem> problems)
    {
        problems = [];
        if (text is null)
        {
            return null;
        }

        var style = DateTimeStyles.None;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, style, out var date))
        {
            return date;
        }

        problems = [new InputProblem(null, null, "--cut-off", text, "is not a date; write YYYY-MM-DD")];
        return null;
    }

    /// <summary>
    /// Runs a subcommand's body through <see cref="CommandRunner"/>, and reports a cluster that cannot be reached
    /// on standard error with exit code 2.
    /// </summary>
    private static int Run(ParseResult parseResult, ConnectionOptions connection, Func<int> body)
    {
        var error = parseResult.InvocationConfiguration.Error;
        return CommandRunner.Run(
            () =>
            {
                try
                {
                    return body();
                }
                catch (OperationCanceledException)
                {
                    error.WriteLine("error: stopped waiting for the cluster; a reforecast it already started goes on and "
                        + "stores its version when it ends (see tokencast schedule show)");
                    return CommandRunner.Interrupted;
                }
                catch (Exception exception) when (exception is OrleansException or TimeoutException
                    or Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
                {
                    var clusterId = parseResult.GetValue(connection.ClusterId);
                    error.WriteLine($"error: the call to cluster {clusterId} failed: {exception.Message}; check "
                        + "--cluster, --cluster-id, --service-id and that the database and at least one silo "
                        + "are running");
                    return CommandRunner.Failed;
                }
            },
            error);
    }

    /// <summary>Connects to the cluster, makes one call and disconnects.</summary>
    private static T Call<T>(ClusterConnection cluster, Func<IGrainFactory, Task<T>> call) =>
        CallAsync(cluster, call).GetAwaiter().GetResult();

    private static async Task<T> CallAsync<T>(ClusterConnection cluster, Func<IGrainFactory, Task<T>> call)
    {
        // Ctrl+C stops waiting: the command cannot cancel a reforecast the cluster has started, which goes on and
        // stores its version, but the user gets the terminal back.
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            await using var client = await ClusterClient.ConnectAsync(
                cluster.ConnectionString, cluster.ClusterId, cluster.ServiceId, cancellationToken: interrupt.Token);
            return await call(client.Grains).WaitAsync(interrupt.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static InvalidInputException NoSchedule(string name) =>
        new(new InputProblem(
            null, null, "NAME", name, "has no schedule; define one with tokencast schedule set NAME FILE"));

    private static void WriteStatus(TextWriter output, ScheduleStatus status)
    {
        output.WriteLine($"schedule of {status.Name}: cron \"{status.Cron}\" (UTC), "
            + $"{status.WindowDays} days of actuals, branch {status.Branch}, "
            + $"alerts below P{status.AlertLow} or above P{status.AlertHigh}");
        output.WriteLine($"scenario: {status.ScenarioFile}");
        var nextRun = status.NextRun is { } next ? Time(next) : "none; the expression has no further occurrence";
        output.WriteLine($"next run: {nextRun}");
        output.WriteLine($"last run: {(status.LastRun is { } run ? Describe(run) : "none yet")}");
    }

    private static int WriteRun(TextWriter output, TextWriter error, string name, ScheduleRun run)
    {
        if (run.Error is { } failure)
        {
            error.WriteLine($"error: the reforecast of {name} with cut-off {Date(run.CutOff)} failed: {failure}");
            return CommandRunner.Failed;
        }

        output.WriteLine(run.Added
            ? $"stored version {run.Version} of {name} (cut-off {Date(run.CutOff)})"
            : $"version {run.Version} of {name} already has cut-off {Date(run.CutOff)} and these inputs; "
                + "nothing new stored");
        foreach (var alert in run.Alerts)
        {
            output.WriteLine($"alert: {alert}");
        }

        return CommandRunner.Success;
    }

    private static string Describe(ScheduleRun run)
    {
        var result = run.Error is { } failure
            ? $"failed: {failure}"
            : $"version {run.Version} ({(run.Added ? "new" : "already stored")}), {run.Alerts.Length} alerts";
        return $"started {Time(run.StartedAt)}, cut-off {Date(run.CutOff)}, {result}";
    }

    private static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The options of every subcommand that name the cluster to connect to.</summary>
    private sealed class ConnectionOptions
    {
        public Option<string?> Cluster { get; } = new("--cluster")
        {
            Description = "PostgreSQL connection string of the running cluster the schedule lives on (required).",
        };

        public Option<string> ClusterId { get; } = new("--cluster-id")
        {
            Description = "Cluster id.",
            DefaultValueFactory = _ => ClusterNames.DefaultClusterId,
        };

        public Option<string> ServiceId { get; } = new("--service-id")
        {
            Description = "Service id; it keys the schedule's state and reminder in the database.",
            DefaultValueFactory = _ => ClusterNames.DefaultServiceId,
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Cluster);
            command.Options.Add(ClusterId);
            command.Options.Add(ServiceId);
        }

        /// <summary>
        /// Returns the connection, or throws with <paramref name="earlier"/> and every problem of the options.
        /// </summary>
        /// <exception cref="InvalidInputException">A problem was found.</exception>
        public ClusterConnection Read(ParseResult parseResult, IReadOnlyList<InputProblem>? earlier = null)
        {
            var problems = new List<InputProblem>(earlier ?? []);
            var connectionString = parseResult.GetValue(Cluster);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                problems.Add(new InputProblem(null, null, "--cluster", null,
                    "is required: a schedule lives on a cluster that keeps its reminders in PostgreSQL, "
                    + "while silos started by this command would stop, and the schedule with them, when it "
                    + "ends; start silos with tokencast silo and give their connection string"));
            }
            else
            {
                try
                {
                    _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
                }
                catch (ArgumentException exception)
                {
                    problems.Add(new InputProblem(null, null, "--cluster", null,
                        $"is not a valid connection string: {exception.Message}"));
                }
            }

            if (problems.Count > 0)
            {
                throw new InvalidInputException(problems);
            }

            return new ClusterConnection(connectionString!, parseResult.GetRequiredValue(ClusterId),
                parseResult.GetRequiredValue(ServiceId));
        }
    }

    private sealed record ClusterConnection(string ConnectionString, string ClusterId, string ServiceId);
}
