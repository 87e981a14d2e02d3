using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tokencast.Core;
using Tokencast.Core.Actuals;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Planning;
using Tokencast.Core.Recalibration;
using Tokencast.Core.Variance;
using Tokencast.Grains.Reforecasting;
using Tokencast.Grains.Runs;

namespace Tokencast.Cli.Commands;

/// <summary>
/// <c>tokencast reforecast FILE --name NAME</c>: recalibrates the scenario from the actuals before the
/// cut-off, runs the forecast, and stores it as a new version of NAME with its inputs, then prints how it
/// moved from the previous version. For an external scheduler: running it again for the same cut-off and
/// actuals stores nothing new and runs nothing.
/// </summary>
internal static class ReforecastCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario to recalibrate and forecast." };
        var name = new Option<string>("--name") { Description = "Name of the tracked forecast the version belongs to.", Required = true };
        var cutOff = new Option<string?>("--cut-off")
        {
            Description = "Actuals up to the day before this date (YYYY-MM-DD, UTC) are used; default the Monday of the current week.",
        };
        var store = new Option<DirectoryInfo?>("--store") { Description = $"Actuals store folder; default {ActualsStore.DefaultDirectory}." };
        var history = new Option<string?>("--history") { Description = $"History folder; default {FolderForecastHistory.DefaultFolder}." };
        var window = new Option<int>("--window-days") { Description = "Days of actuals before the cut-off to recalibrate from.", DefaultValueFactory = _ => 28 };
        var trials = new Option<int?>("--trials") { Description = "Trials per branch (default: the scenario's trials)." };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (default: the scenario's seed)." };
        var cluster = new Option<string?>("--cluster") { Description = "PostgreSQL connection string of a running cluster to run on." };
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
        var review = new ReviewOptions();
        var branch = review.Branch;
        var alertLow = review.AlertLow;
        var alertHigh = review.AlertHigh;

        var command = new Command("reforecast", "Recalibrate a scenario from actuals, forecast it, and store the result as a new version.")
        {
            file, name, cutOff, store, history, window, trials, seed, cluster, clusterId, serviceId, branch, alertLow, alertHigh,
        };
        command.SetAction(parseResult => CommandRunner.Run(
            () => Execute(
                new Request(
                    parseResult.GetRequiredValue(file),
                    parseResult.GetRequiredValue(name),
                    CutOff(parseResult.GetValue(cutOff)),
                    parseResult.GetValue(store)?.FullName ?? ActualsStore.DefaultDirectory,
                    parseResult.GetValue(history),
                    parseResult.GetValue(window),
                    parseResult.GetValue(trials),
                    parseResult.GetValue(seed),
                    parseResult.GetValue(cluster),
                    parseResult.GetRequiredValue(clusterId),
                    parseResult.GetRequiredValue(serviceId),
                    new ReviewSettings(
                        parseResult.GetRequiredValue(branch),
                        parseResult.GetValue(alertLow),
                        parseResult.GetValue(alertHigh),
                        ForecastFactors.DefaultSampleTasks)),
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error),
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command with arguments as typed after <c>tokencast reforecast</c>.</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error) =>
        Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    private static int Execute(Request request, TextWriter output, TextWriter error)
    {
        var reforecaster = new Reforecaster(HistoryCommand.Open(request.History), new ActualsStore(request.Store));
        var settings = new ForecastSettings(
            request.File, [], request.Trials, request.Seed, Cluster: request.Cluster, ClusterId: request.ClusterId,
            ServiceId: request.ServiceId);
        var plan = reforecaster.Prepare(
            new ReforecastRequest(request.Name, ScenarioBundle.Capture(request.File), request.CutOff)
            {
                WindowDays = request.WindowDays,
                Trials = request.Trials,
                Seed = request.Seed,
                Review = request.Review,
            },
            (input, scenario) => ForecastCommand.Definition(settings, input, scenario));
        if (plan.Recalibration.CallsUsed == 0)
        {
            // Written to standard error so that a scheduler notices a version made from no actuals at all.
            error.WriteLine($"warning: no actuals in the {request.WindowDays} days before {Date(request.CutOff)} match a feature of "
                + "the scenario; the version is the scenario as written");
        }

        var console = ConsoleFactory.Plain(output);
        WriteRecalibration(console, plan.Recalibration);
        var outcome = reforecaster.CompleteAsync(plan, (definition, _) => ForecastCommand.RunOnCluster(settings, definition, showProgress: false))
            .GetAwaiter().GetResult();
        if (!outcome.Added)
        {
            output.WriteLine($"version {outcome.Version.Number} of {request.Name} already has cut-off {Date(request.CutOff)} and these inputs; "
                + "nothing run, nothing new stored");
            return CommandRunner.Success;
        }

        BandTable.Render(outcome.Result!, console);
        output.WriteLine($"stored version {outcome.Version.Number} of {request.Name} (cut-off {Date(request.CutOff)}) in "
            + $"{reforecaster.History.Folder}: {outcome.Version.Note}");
        if (outcome.Movement is { } movement)
        {
            WriteMovement(console, movement);
        }

        // An alert is a finding, not a failure, so the exit code stays 0.
        if (outcome.Review is { } review)
        {
            VarianceReport.Write(console, error, review);
        }

        if (settings.Cluster is { } connection)
        {
            Publish(connection, settings, outcome, error);
        }

        return CommandRunner.Success;
    }

    /// <summary>
    /// Tells the cluster's subscribers (web hosts and their pages) of the new version and its alerts, as a
    /// scheduled reforecast does. The version is stored either way, so a failure is a warning.
    /// </summary>
    private static void Publish(string connection, ForecastSettings settings, ReforecastOutcome outcome, TextWriter error)
    {
        try
        {
            PublishAsync().GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is Orleans.Runtime.OrleansException or TimeoutException
            or InvalidOperationException or Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"warning: version {outcome.Version.Number} is stored, but telling the cluster's subscribers "
                + $"failed: {exception.Message}");
        }

        async Task PublishAsync()
        {
            await using var client = await Grains.Hosting.ClusterClient.ConnectAsync(connection, settings.ClusterId, settings.ServiceId);
            await client.Grains.GetGrain<Grains.IForecastEventsGrain>(0).Publish(outcome.ToVersionAdded());
        }
    }

    private static void WriteRecalibration(IAnsiConsole console, RecalibrationResult result)
    {
        var table = new Table().Title($"recalibrated from {result.CallsUsed:N0} calls")
            .AddColumn("path").AddColumn("was").AddColumn("now").AddColumn("why");
        foreach (var change in result.Overrides)
        {
            table.AddRow(Markup.Escape(change.Path), Markup.Escape(change.OldValue), Markup.Escape(change.NewValue), Markup.Escape(change.Reason));
        }

        foreach (var kept in result.Unchanged)
        {
            table.AddRow(Markup.Escape(kept.Path), "(kept)", "", Markup.Escape(kept.Reason));
        }

        foreach (var (feature, calls) in result.UnknownFeatureCalls)
        {
            table.AddRow(Markup.Escape(feature.Length == 0 ? TaskActuals.NoFeature : feature), "(not in the scenario)", "", $"{calls:N0} calls left out");
        }

        console.Write(table);
    }

    private static void WriteMovement(IAnsiConsole console, VersionDiff diff)
    {
        var months = diff.Bands.Where(band => band.Feature is null && band.Month is not null).ToList();
        var sameHorizon = months.All(band => band.Status == DiffStatus.InBoth);
        var table = new Table().Title($"horizon spend, version {diff.OlderNumber} to {diff.NewerNumber}")
            .AddColumn("branch").AddColumn(new TableColumn("P50 before").RightAligned()).AddColumn(new TableColumn("P50 now").RightAligned())
            .AddColumn(new TableColumn("change").RightAligned()).AddColumn(new TableColumn("P90 now").RightAligned());
        foreach (var change in diff.Bands.Where(band => band.Feature is null && band.Month is null))
        {
            table.AddRow(Markup.Escape(change.Branch), Usd(change.P50.Older), Usd(change.P50.Newer), Relative(change.P50),
                Usd(change.P90.Newer));
        }

        console.Write(table);
        if (sameHorizon)
        {
            return;
        }

        console.WriteLine($"the horizons of versions {diff.OlderNumber} and {diff.NewerNumber} differ, so each total has months "
            + "the other lacks; the months both forecast:");
        var common = new Table()
            .AddColumn("branch").AddColumn("month").AddColumn(new TableColumn("P50 before").RightAligned())
            .AddColumn(new TableColumn("P50 now").RightAligned()).AddColumn(new TableColumn("change").RightAligned());
        foreach (var change in months.Where(band => band.Status == DiffStatus.InBoth))
        {
            common.AddRow(Markup.Escape(change.Branch), change.Month!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                Usd(change.P50.Older), Usd(change.P50.Newer), Relative(change.P50));
        }

        console.Write(common);
    }

    private static string Relative(StatisticChange change) =>
        change.Relative is { } relative ? relative.ToString("+0.0 %;-0.0 %", CultureInfo.InvariantCulture) : "-";

    private static DateOnly CutOff(string? text)
    {
        if (text is null)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidInputException(new InputProblem(null, null, "--cut-off", text, "is not a date; write YYYY-MM-DD"));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Usd(double? value) => value is { } v ? "$" + v.ToString("#,0.##", CultureInfo.InvariantCulture) : "-";

    private sealed record Request(
        string File,
        string Name,
        DateOnly CutOff,
        string Store,
        string? History,
        int WindowDays,
        int? Trials,
        ulong? Seed,
        string? Cluster,
        string ClusterId,
        string ServiceId,
        ReviewSettings Review);
}
