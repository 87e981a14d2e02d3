using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tokencast.Core;
using Tokencast.Core.History;

namespace Tokencast.Cli.Commands;

/// <summary>
/// The <c>tokencast history</c> commands: list the versions of a tracked forecast, show one, and compare
/// two. The versions are read from a folder history (<see cref="FolderForecastHistory"/>).
/// </summary>
internal static class HistoryCommand
{
    public const string TableFormat = "table";
    public const string JsonFormat = "json";
    public const string CsvFormat = "csv";

    public static Command Create()
    {
        var command = new Command("history", "List, show and compare the stored versions of a tracked forecast.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateDiff());
        return command;
    }

    /// <summary>Creates the <c>--history DIR</c> option, which <c>forecast --record</c> shares.</summary>
    public static Option<string?> HistoryOption() =>
        new("--history")
        {
            Description = $"History folder (default: {FolderForecastHistory.DefaultFolder} under the current folder).",
        };

    /// <summary>Prints every version of <paramref name="name"/>, oldest first.</summary>
    public static int List(string name, string? folder, TextWriter output, TextWriter error) =>
        CommandRunner.Run(
            () =>
            {
                var versions = Open(folder).ListExisting(name);
                var table = new Table()
                    .AddColumn("version")
                    .AddColumn("created (UTC)")
                    .AddColumn("cut-off")
                    .AddColumn(new TableColumn("trials").RightAligned())
                    .AddColumn(new TableColumn("seed").RightAligned())
                    .AddColumn("actuals imports")
                    .AddColumn("note");
                foreach (var version in versions)
                {
                    table.AddRow(
                        Text(version.Number.ToString(CultureInfo.InvariantCulture)),
                        Text(version.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                        Text(CutOff(version.CutOff)),
                        Text(version.Inputs.Trials.ToString(CultureInfo.InvariantCulture)),
                        Text(version.Inputs.Seed.ToString(CultureInfo.InvariantCulture)),
                        Text(string.Join(", ", version.ImportIds)),
                        Text(version.Note));
                }

                var console = ConsoleFactory.Plain(output);
                console.WriteLine($"forecast {name}: {versions.Count} versions");
                console.Write(table);
                return CommandRunner.Success;
            },
            error);

    /// <summary>Prints one version: its metadata and bands as tables, or its stored file as JSON.</summary>
    public static int Show(string name, int number, string? folder, string format, TextWriter output, TextWriter error) =>
        CommandRunner.Run(
            () =>
            {
                var history = Open(folder);
                var version = history.GetExisting(name, number);
                if (format == JsonFormat)
                {
                    using var stream = new MemoryStream();
                    ForecastVersionFile.Write(version, stream);
                    output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                    return CommandRunner.Success;
                }

                var console = ConsoleFactory.Plain(output);
                console.WriteLine($"forecast {version.Name}, version {version.Number}");
                console.WriteLine($"created:         {version.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
                console.WriteLine($"cut-off:         {(version.CutOff is null ? "none (made without actuals)" : CutOff(version.CutOff))}");
                console.WriteLine($"scenario:        {version.Inputs.Scenario.MainFile}");
                console.WriteLine($"files:           {version.Inputs.Scenario.Files.Count}");
                console.WriteLine($"branches run:    {(version.Inputs.Branches.Count == 0 ? "all" : string.Join(", ", version.Inputs.Branches))}");
                console.WriteLine($"actuals imports: {(version.ImportIds.Count == 0 ? "none" : string.Join(", ", version.ImportIds))}");
                console.WriteLine($"note:            {version.Note}");
                console.WriteLine($"input hash:      {version.InputHash}");
                if (ReviewFile.Read(ReviewFile.PathOf(history.Folder, name, number)) is { } review)
                {
                    console.WriteLine("alerts:          " + (review.Weeks.Count == 0
                        ? "none possible: no whole week in the closed period"
                        : review.Alerts.Count == 0 ? "none" : review.Alerts.Count.ToString(CultureInfo.InvariantCulture)));
                    VarianceReport.Write(console, TextWriter.Null, review);
                }

                console.WriteLine();
                BandTable.Render(version.ReadResult(), console);
                return CommandRunner.Success;
            },
            error);

    /// <summary>Prints the changes from version <paramref name="older"/> to <paramref name="newer"/>.</summary>
    public static int Diff(
        string name, int older, int newer, string? folder, string format, TextWriter output, TextWriter error) =>
        CommandRunner.Run(
            () =>
            {
                var history = Open(folder);
                // Changes read forward in time whichever order the numbers were typed in.
                var (from, to) = older <= newer ? (older, newer) : (newer, older);
                var diff = VersionDiff.Compare(history.GetExisting(name, from), history.GetExisting(name, to));
                switch (format)
                {
                    case CsvFormat:
                        VersionDiffWriter.WriteCsv(diff, output);
                        break;
                    case JsonFormat:
                        VersionDiffWriter.WriteJson(diff, output);
                        break;
                    default:
                        VersionDiffWriter.WriteTables(diff, ConsoleFactory.Plain(output));
                        break;
                }

                return CommandRunner.Success;
            },
            error);

    /// <summary>Opens the folder history at <paramref name="folder"/>, or at the default folder when null.</summary>
    /// <exception cref="InvalidInputException">The path names a file, not a folder.</exception>
    public static FolderForecastHistory Open(string? folder)
    {
        var path = string.IsNullOrWhiteSpace(folder) ? FolderForecastHistory.DefaultFolder : folder;
        return File.Exists(path)
            ? throw new InvalidInputException(new InputProblem(path, null, "--history", path,
                "is a file; give the history folder (default " + FolderForecastHistory.DefaultFolder + ")"))
            : new FolderForecastHistory(path);
    }

    private static Command CreateList()
    {
        var name = new Argument<string>("name") { Description = "The forecast's name." };
        var history = HistoryOption();
        var command = new Command("list", "List the versions of a tracked forecast, oldest first.");
        command.Arguments.Add(name);
        command.Options.Add(history);
        command.SetAction(parse => List(
            parse.GetValue(name)!, parse.GetValue(history),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command CreateShow()
    {
        var name = new Argument<string>("name") { Description = "The forecast's name." };
        var version = new Argument<int>("version") { Description = "The version number." };
        var format = FormatOption(TableFormat, JsonFormat);
        var history = HistoryOption();
        var command = new Command("show", "Show one version: its inputs, the actuals it used and its bands.");
        command.Arguments.Add(name);
        command.Arguments.Add(version);
        command.Options.Add(format);
        command.Options.Add(history);
        command.SetAction(parse => Show(
            parse.GetValue(name)!, parse.GetValue(version), parse.GetValue(history), parse.GetValue(format)!,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command CreateDiff()
    {
        var name = new Argument<string>("name") { Description = "The forecast's name." };
        var older = new Argument<int>("v1") { Description = "The version to compare from." };
        var newer = new Argument<int>("v2") { Description = "The version to compare to." };
        var format = FormatOption(TableFormat, CsvFormat, JsonFormat);
        var history = HistoryOption();
        var command = new Command(
            "diff", "Compare two versions: P10, P50, P90 and mean per branch, feature and month, and the inputs.");
        command.Arguments.Add(name);
        command.Arguments.Add(older);
        command.Arguments.Add(newer);
        command.Options.Add(format);
        command.Options.Add(history);
        command.SetAction(parse => Diff(
            parse.GetValue(name)!, parse.GetValue(older), parse.GetValue(newer), parse.GetValue(history),
            parse.GetValue(format)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Option<string> FormatOption(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", formats)} (default {formats[0]}).",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    private static string CutOff(DateOnly? cutOff) =>
        cutOff?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static Text Text(string value) => new(value);
}
