using System.Collections.Immutable;
using System.Text.Json;
using Tokencast.Cli.Commands;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Simulation;

namespace Tokencast.Cli.Tests.Commands;

public sealed class HistoryCommandTests : IDisposable
{
    // A two-month scenario on one catalog model, fast enough to run twice in a test.
    private const string SmallScenario = """
        name: small
        start_month: 2027-01
        horizon_months: 2
        features:
          - id: chat
            model: gpt-4o-mini
            input_tokens: 400
            output_tokens: 200
        cohorts:
          - id: smb
            users: 1000
            features:
              chat: {adoption: 0.4, tasks_per_active_user: 20}
        """;

    private static readonly DateOnly January = new(2027, 1, 1);

    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-history-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string HistoryFolder => Path.Combine(_folder, "history");

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void ForecastRecord_SameRunTwice_StoresOneVersion()
    {
        var scenario = Path.Combine(_folder, "small.yaml");
        File.WriteAllText(scenario, SmallScenario);
        var settings = new ForecastSettings(
            scenario, [], Trials: 50, OutputDirectory: Path.Combine(_folder, "out"), Record: "small",
            Note: "first plan", History: HistoryFolder);

        var first = ForecastCommand.Run(settings, _output, _error);
        var second = ForecastCommand.Run(settings, _output, _error);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Contains("recorded version 1 of small", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("version 1 of small has the same inputs", _output.ToString(), StringComparison.Ordinal);
        var version = Assert.Single(new FolderForecastHistory(HistoryFolder).List("small"));
        Assert.Equal("first plan", version.Note);
        Assert.Equal(50, version.ReadResult().Trials);
    }

    [Fact]
    public void ForecastRecord_InvalidName_FailsBeforeRun()
    {
        var scenario = Path.Combine(_folder, "small.yaml");
        File.WriteAllText(scenario, SmallScenario);
        var output = Path.Combine(_folder, "out");
        var settings = new ForecastSettings(
            scenario, [], Trials: 50, OutputDirectory: output, Record: "Small Plan", History: HistoryFolder);

        var exitCode = ForecastCommand.Run(settings, _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Contains("a forecast name is 1 to 100 characters", _error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Forecast_HistoryWithoutRecord_IsRejected()
    {
        var scenario = Path.Combine(_folder, "small.yaml");
        File.WriteAllText(scenario, SmallScenario);
        var settings = new ForecastSettings(scenario, [], Trials: 50, History: HistoryFolder);

        var exitCode = ForecastCommand.Run(settings, _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Contains("--history: sets where and how a version is stored", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void List_TwoVersions_PrintsBothWithNotes()
    {
        Store(100, seed: 1, note: "first plan");
        Store(120, seed: 2, note: "recalibrated chat");

        var exitCode = HistoryCommand.List("platform", HistoryFolder, _output, _error);

        Assert.Equal(0, exitCode);
        Assert.Contains("forecast platform: 2 versions", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("first plan", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("recalibrated chat", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void List_UnknownName_ListsKnownNames()
    {
        Store(100, seed: 1);

        var exitCode = HistoryCommand.List("support", HistoryFolder, _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Contains("forecasts in the history: platform", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_UnknownVersion_ListsVersions()
    {
        Store(100, seed: 1);

        var exitCode = HistoryCommand.Show("platform", 4, HistoryFolder, HistoryCommand.TableFormat, _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Contains("its versions are 1", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Json_PrintsVersionFile()
    {
        Store(100, seed: 1, note: "first plan");

        var exitCode = HistoryCommand.Show("platform", 1, HistoryFolder, HistoryCommand.JsonFormat, _output, _error);

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(_output.ToString());
        Assert.Equal(ForecastVersionFile.Format, document.RootElement.GetProperty("format").GetString());
        Assert.Equal("first plan", document.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public void Show_Table_PrintsMetadataAndBands()
    {
        Store(100, seed: 1, note: "first plan");

        var exitCode = HistoryCommand.Show("platform", 1, HistoryFolder, HistoryCommand.TableFormat, _output, _error);

        Assert.Equal(0, exitCode);
        Assert.Contains("forecast platform, version 1", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("branch baseline", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_Csv_PrintsHandCheckedChange()
    {
        // The total's P50 goes from 100 to 120 (+20, +20 %), and its P10 (0.8 of the median) from 80 to 96.
        Store(100, seed: 1);
        Store(120, seed: 2);

        var exitCode = HistoryCommand.Diff("platform", 1, 2, HistoryFolder, HistoryCommand.CsvFormat, _output, _error);

        Assert.Equal(0, exitCode);
        var lines = _output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("branch,series,month,status,p10_older,p10_newer,p10_change,p10_relative_change,", lines[0],
            StringComparison.Ordinal);
        Assert.Equal("baseline,total,2027-01,in_both,80,96,16,0.2,100,120,20,0.2,150,180,30,0.2,100,120,20,0.2", lines[1]);
        Assert.StartsWith("baseline,total,horizon,in_both,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_Table_ListsSettingChange()
    {
        Store(100, seed: 1);
        Store(120, seed: 2);

        var exitCode = HistoryCommand.Diff("platform", 1, 2, HistoryFolder, HistoryCommand.TableFormat, _output, _error);

        Assert.Equal(0, exitCode);
        Assert.Contains("version 1 -> 2", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("seed", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("+20.0 %", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_NewerFirst_ReadsForward()
    {
        Store(100, seed: 1);
        Store(120, seed: 2);

        var exitCode = HistoryCommand.Diff("platform", 2, 1, HistoryFolder, HistoryCommand.TableFormat, _output, _error);

        Assert.Equal(0, exitCode);
        Assert.Contains("version 1 -> 2", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("+20.0 %", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void List_HistoryIsFile_Rejected()
    {
        var file = Path.Combine(_folder, "history.txt");
        File.WriteAllText(file, "not a folder");

        var exitCode = HistoryCommand.List("platform", file, _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Contains("is a file; give the history folder", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_Json_HasSnakeCaseRows()
    {
        Store(100, seed: 1);
        Store(120, seed: 2);

        var exitCode = HistoryCommand.Diff("platform", 1, 2, HistoryFolder, HistoryCommand.JsonFormat, _output, _error);

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(_output.ToString());
        var first = document.RootElement.GetProperty("bands")[0];
        Assert.Equal("in_both", first.GetProperty("status").GetString());
        Assert.Equal(20, first.GetProperty("p50").GetProperty("absolute").GetDouble());
    }

    /// <summary>
    /// Stores a one-month version of "platform" whose total band has P10 0.8, P50 1, P90 1.5 and mean 1 times
    /// <paramref name="median"/>.
    /// </summary>
    private void Store(double median, ulong seed, string note = "")
    {
        var band = new Band(0.7 * median, 0.8 * median, median, 1.5 * median, 1.6 * median, median,
            new BandErrors(0, 0, 0, 0, 0, 0));
        var total = new SeriesBands("total", [new MonthBand(January, band)], band);
        var result = new ForecastResult("platform", January, 1, 100, seed,
            [new BranchForecast("baseline", "", Array.Empty<BranchAssumption>(), total, [], [], [], [], [], [])]);
        var mainFile = Path.Combine(_folder, "platform.yaml");
        var bundle = new ScenarioBundle(mainFile, ImmutableDictionary<string, string>.Empty.Add(mainFile, "name: p\n"), null);
        var inputs = new VersionInputs(bundle, [], 100, seed);
        new FolderForecastHistory(HistoryFolder).Add(ForecastVersionDraft.Create("platform", null, inputs, [], note, result));
    }
}
