using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tokencast.Cli.Commands;
using Tokencast.Core.History;

namespace Tokencast.Cli.Tests.Commands;

/// <summary>
/// Splits the 30-minute Azure conversation trace in time, stretched to 30 days, and reforecasts from the
/// first 10 days and then the first 20, through the real ingest, reforecast and history commands.
/// </summary>
public sealed partial class TraceReplayTests : IDisposable
{
    private const string Name = "trace-replay";
    private const string TasksPath = "cohorts.replay.features.conv.tasks_per_active_user";

    private static readonly string ExamplesFolder = Path.Combine(AppContext.BaseDirectory, "examples");
    private static readonly string TracePath = Path.Combine(ExamplesFolder, "data", "azure-llm-inference-2023",
        "AzureLLMInferenceTrace_conv_shared_1815-1845.csv");

    private readonly string _directory = Directory.CreateTempSubdirectory("tokencast-trace-replay-").FullName;

    public TraceReplayTests()
    {
        // The reforecast writes fitted token samples next to the scenario, so it runs on a copy.
        File.Copy(Path.Combine(ExamplesFolder, "trace-replay.yaml"), ScenarioPath);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = IngestCommand.Invoke([TracePath, "--store", StorePath, "--feature", "conv",
            "--model", "gpt-4o-mini", "--time-scale", "2026-01-05=1440"], output, error);
        Assert.True(exitCode == 0, error.ToString());
    }

    private string ScenarioPath => Path.Combine(_directory, "trace-replay.yaml");

    private string StorePath => Path.Combine(_directory, "store");

    private string HistoryPath => Path.Combine(_directory, "history");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reforecast_FirstTenDays_MatchesTraceRunRate()
    {
        // Cut-off 2026-01-15 keeps the calls of the trace's first 10 minutes (10 days / 1440). The
        // scenario starts in January with 1,000 users, adoption 1 and 5 tasks per user, so the factor is
        // (calls / 10 days x 30.436875 days a month) / 5,000, and 5 x factor = calls / 10 x 30.436875 / 1,000.
        var calls = TraceArrivals().Count(elapsed => elapsed < TimeSpan.FromMinutes(10));
        var expected = calls / 10.0 * (365.2425 / 12) / 1000;

        var (exitCode, output, error) = Reforecast("2026-01-15");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("stored version 1 of trace-replay (cut-off 2026-01-15)", output, StringComparison.Ordinal);
        Assert.Equal(expected, StoredTasksPerActiveUser(1), precision: 4);
    }

    [Fact]
    public void Reforecast_TwentyDays_StoresVersionTwoAndDiffShowsIt()
    {
        Reforecast("2026-01-15");

        var (exitCode, output, _) = Reforecast("2026-01-25");
        var (diffExitCode, diff, _) = HistoryDiff();

        // The second cut-off measures 20 days of trace, which gives another run rate.
        var calls = TraceArrivals().Count(elapsed => elapsed < TimeSpan.FromMinutes(20));
        Assert.Equal(0, exitCode);
        Assert.Contains("stored version 2 of trace-replay (cut-off 2026-01-25)", output, StringComparison.Ordinal);
        Assert.Contains("horizon spend, version 1 to 2", output, StringComparison.Ordinal);
        Assert.Equal(calls / 20.0 * (365.2425 / 12) / 1000, StoredTasksPerActiveUser(2), precision: 4);
        Assert.Equal(0, diffExitCode);
        Assert.Equal(2, diff.GetProperty("newer_number").GetInt32());
        Assert.Contains(ChangedPaths(diff), path => path.Contains("tasks_per_active_user", StringComparison.Ordinal));
        var horizon = diff.GetProperty("bands").EnumerateArray()
            .Single(band => band.GetProperty("feature").ValueKind == JsonValueKind.Null
                && band.GetProperty("month").ValueKind == JsonValueKind.Null);
        var p50 = horizon.GetProperty("p50");
        Assert.NotEqual(p50.GetProperty("older").GetDouble(), p50.GetProperty("newer").GetDouble());
    }

    [Fact]
    public void Reforecast_SecondCutOffAgain_StoresNothing()
    {
        Reforecast("2026-01-15");
        Reforecast("2026-01-25");

        var (exitCode, output, _) = Reforecast("2026-01-25");

        Assert.Equal(0, exitCode);
        Assert.Contains("version 2 of trace-replay already has cut-off 2026-01-25 and these inputs; nothing run",
            output, StringComparison.Ordinal);
        Assert.Equal(2, HistoryCommand.Open(HistoryPath).List(Name).Count);
    }

    // Time of each call after the trace's first one, read from the trace's TIMESTAMP column.
    private static List<TimeSpan> TraceArrivals()
    {
        var times = File.ReadLines(TracePath)
            .Skip(1)
            .Select(line => DateTime.ParseExact(line.Split(',')[0], "yyyy-MM-dd HH:mm:ss.fffffff",
                CultureInfo.InvariantCulture))
            .ToList();
        var first = times.Min();
        return times.Select(time => time - first).ToList();
    }

    private double StoredTasksPerActiveUser(int version)
    {
        var stored = HistoryCommand.Open(HistoryPath).GetExisting(Name, version);
        var scenario = stored.Inputs.Scenario.Files[stored.Inputs.Scenario.MainFile];
        var match = SetEntry().Match(scenario);
        Assert.True(match.Success, $"no {TasksPath} entry in the set block of version {version}:\n{scenario}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private (int ExitCode, string Output, string Error) Reforecast(string cutOff)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = ReforecastCommand.Invoke([ScenarioPath, "--name", Name, "--cut-off", cutOff,
            "--store", StorePath, "--history", HistoryPath], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static IEnumerable<string> ChangedPaths(JsonElement diff) =>
        diff.GetProperty("files").EnumerateArray()
            .SelectMany(file => file.GetProperty("changed_paths").EnumerateArray())
            .Select(path => path.GetString() ?? "");

    // Runs history diff NAME 1 2 --format json and parses what it prints.
    private (int ExitCode, JsonElement Diff, string Error) HistoryDiff()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = HistoryCommand.Diff(Name, 1, 2, HistoryPath, "json", output, error);
        var diff = exitCode == 0 ? JsonDocument.Parse(output.ToString()).RootElement.Clone() : default;
        return (exitCode, diff, error.ToString());
    }

    [GeneratedRegex(@"cohorts\.replay\.features\.conv\.tasks_per_active_user:\s*([0-9.]+)")]
    private static partial Regex SetEntry();
}
