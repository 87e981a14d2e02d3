using Tokencast.Cli.Commands;
using Tokencast.Core.Reporting;

namespace Tokencast.Cli.Tests.Commands;

public sealed class ForecastCommandTests(ExampleForecastRuns example)
    : IClassFixture<ExampleForecastRuns>, IDisposable
{
    private static readonly string[] OutputFiles =
    [
        ForecastOutputWriter.BandsCsvName,
        ForecastOutputWriter.CostPerTaskCsvName,
        ForecastOutputWriter.BandsJsonName,
        ForecastOutputWriter.ReportName,
    ];

    // A two-month scenario on one catalog model, fast enough to run several times per test.
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

    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-forecast-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Forecast_Example_ExitsZeroAndWritesFourFiles()
    {
        var run = example.OneSilo;

        Assert.Equal(0, run.ExitCode);
        foreach (var file in OutputFiles)
        {
            Assert.True(File.Exists(run.PathOf(file)), $"{file} is missing from {run.Directory}");
        }

        Assert.DoesNotContain("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_Example_BandsCsvHasEveryBranch()
    {
        var branches = BranchesIn(example.OneSilo.PathOf(ForecastOutputWriter.BandsCsvName));

        Assert.Equal(["baseline", "growth", "stretch"], branches);
    }

    [Fact]
    public void Forecast_Example_PrintsRowPerMonth()
    {
        var lines = example.OneSilo.Output.Split('\n');

        var trials = ExampleForecastRuns.Trials;
        Assert.StartsWith(
            $"assistant-platform: 12 months from 2027-01, {trials} trials per branch, seed 2027",
            lines[0], StringComparison.Ordinal);
        // Each of the three branch tables has a row per month and a total row, each starting with its label.
        for (var month = 1; month <= 12; month++)
        {
            Assert.Equal(3, RowsLabelled(lines, $"2027-{month:D2}"));
        }

        Assert.Equal(3, RowsLabelled(lines, "total"));
        Assert.Contains("branch stretch: ", example.OneSilo.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ForecastOutputWriter.BandsCsvName)]
    [InlineData(ForecastOutputWriter.BandsJsonName)]
    public void Forecast_OneOrTwoSilos_WritesIdenticalBytes(string fileName)
    {
        Assert.Equal(0, example.TwoSilos.ExitCode);
        var single = File.ReadAllBytes(example.OneSilo.PathOf(fileName));
        var two = File.ReadAllBytes(example.TwoSilos.PathOf(fileName));

        Assert.NotEmpty(single);
        Assert.Equal(single, two);
    }

    [Fact]
    public void Forecast_BranchOption_RunsOnlyThatBranch()
    {
        var directory = Path.Combine(_folder, "out");
        var settings = new ForecastSettings(
            ExampleForecastRuns.ExamplePath, ["growth"], Trials: 100, OutputDirectory: directory);

        var exitCode = ForecastCommand.Run(settings, _output, _error);

        Assert.Equal(0, exitCode);
        Assert.Equal(["growth"], BranchesIn(Path.Combine(directory, ForecastOutputWriter.BandsCsvName)));
        Assert.Contains("branch growth: ", _output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("branch baseline", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_UnknownBranch_ExitsOneNamingBranches()
    {
        var directory = Path.Combine(_folder, "out");
        var settings = new ForecastSettings(
            ExampleForecastRuns.ExamplePath, ["grwth"], Trials: 100, OutputDirectory: directory);

        var exitCode = ForecastCommand.Run(settings, _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "branches: branch not found; the scenario has: baseline, growth, stretch (value: grwth)",
            _error.ToString(), StringComparison.Ordinal);
        AssertNoStackTrace(_error.ToString());
        Assert.False(Directory.Exists(directory));
    }

    [Theory]
    [InlineData(0, null, null, "error: --silos: silos must be between 1 and 16 (value: 0)")]
    [InlineData(17, null, null, "error: --silos: silos must be between 1 and 16 (value: 17)")]
    [InlineData(1, 0, null, "error: --block-size: the block size must be between 1 and 8,192 trials (value: 0)")]
    [InlineData(1, 8193, null, "error: --block-size: the block size must be between 1 and 8,192 trials (value: 8193)")]
    [InlineData(1, null, " ", "error: --cluster: is empty; give a PostgreSQL connection string (value:  )")]
    [InlineData(3, null, "Host=127.0.0.1", "error: --silos: starts silos in this process, so it cannot be used with --cluster (value: 3)")]
    [InlineData(1, null, "garbage", "error: --cluster: is not a valid connection string: Format of the initialization string does not conform to specification starting at index 0.")]
    public void Forecast_BadClusterOption_ExitsOneWithMessage(int silos, int? blockSize, string? cluster, string expected)
    {
        var directory = Path.Combine(_folder, "out");
        var settings = new ForecastSettings(
            WriteScenario(SmallScenario), [], Trials: 10, OutputDirectory: directory, Silos: silos, BlockSize: blockSize, Cluster: cluster);

        var exitCode = ForecastCommand.Run(settings, _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, _error.ToString().TrimEnd());
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void Forecast_ClusterIdWithoutCluster_ExitsOneWithMessage()
    {
        var settings = new ForecastSettings(
            WriteScenario(SmallScenario), [], Trials: 10, OutputDirectory: Path.Combine(_folder, "out"), ClusterId: "other");

        var exitCode = ForecastCommand.Run(settings, _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Equal("error: --cluster-id: names a cluster to connect to, so it needs --cluster", _error.ToString().TrimEnd());
    }

    [Fact]
    public void Forecast_ClusterDatabaseUnreachable_ExitsTwoWithMessage()
    {
        // A port just released by a listener has nothing listening on it.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var settings = new ForecastSettings(
            WriteScenario(SmallScenario), [], Trials: 10, OutputDirectory: Path.Combine(_folder, "out"),
            Cluster: $"Host=127.0.0.1;Port={port};Username=tokencast;Database=tokencast;Timeout=5");

        var exitCode = ForecastCommand.Run(settings, _output, _error);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: the forecast failed on cluster tokencast: ", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("check --cluster", _error.ToString(), StringComparison.Ordinal);
        AssertNoStackTrace(_error.ToString());
    }

    [Fact]
    public void Forecast_ZeroTrials_ExitsOneWithMessage()
    {
        var settings = new ForecastSettings(
            WriteScenario(SmallScenario), [], Trials: 0, OutputDirectory: Path.Combine(_folder, "out"));

        var exitCode = ForecastCommand.Run(settings, _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "error: --trials: trials must be between 1 and 10,000,000 (value: 0)",
            _error.ToString().TrimEnd());
        Assert.Equal("", _output.ToString());
    }

    [Fact]
    public void Forecast_UnknownModel_ListsFileLineAndPath()
    {
        var path = WriteScenario(SmallScenario.Replace("model: gpt-4o-mini", "model: gpt-4o-mni"));
        var directory = Path.Combine(_folder, "out");
        var settings = new ForecastSettings(path, [], Trials: 100, OutputDirectory: directory);

        var exitCode = ForecastCommand.Run(settings, _output, _error);

        // The model key is on line 6 of the scenario.
        var message = Assert.Single(_error.ToString().TrimEnd().Split(Environment.NewLine));
        Assert.Equal(1, exitCode);
        Assert.StartsWith(
            $"error: {path}:6: features[0].model: model 'gpt-4o-mni' is not in the price catalog",
            message, StringComparison.Ordinal);
        Assert.Contains("did you mean gpt-4o-mini", message, StringComparison.Ordinal);
        AssertNoStackTrace(message);
    }

    [Fact]
    public void Forecast_FailedRun_KeepsEarlierOutputs()
    {
        var directory = Path.Combine(_folder, "out");
        var path = WriteScenario(SmallScenario);
        var first = ForecastCommand.Run(
            new ForecastSettings(path, [], Trials: 100, OutputDirectory: directory), _output, _error);
        var before = OutputFiles.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(directory, f)));

        File.WriteAllText(path, SmallScenario.Replace("model: gpt-4o-mini", "model: gpt-4o-mni"));
        var second = ForecastCommand.Run(
            new ForecastSettings(path, [], Trials: 100, OutputDirectory: directory), _output, _error);

        Assert.Equal(0, first);
        Assert.Equal(1, second);
        foreach (var file in OutputFiles)
        {
            Assert.Equal(before[file], File.ReadAllBytes(Path.Combine(directory, file)));
        }

        Assert.Equal(OutputFiles.Order(), Directory.GetFiles(directory).Select(Path.GetFileName).Order());
    }

    private static List<string> BranchesIn(string bandsCsv) =>
        File.ReadLines(bandsCsv).Skip(1).Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)])
            .Distinct().ToList();

    private static int RowsLabelled(string[] lines, string label) =>
        lines.Count(line => line.StartsWith($"│ {label} ", StringComparison.Ordinal));

    private static void AssertNoStackTrace(string error)
    {
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private string WriteScenario(string text)
    {
        var path = Path.Combine(_folder, "scenario.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
