using System.Text.Json;
using System.Text.RegularExpressions;
using Tokencast.Cli.Commands;
using Tokencast.Core.Quality;
using Tokencast.Core.Reporting;

namespace Tokencast.Cli.Tests.Commands;

public sealed class ForecastSensitivityTests(ExampleForecastRuns example, ExampleSensitivityRun ranked)
    : IClassFixture<ExampleForecastRuns>, IClassFixture<ExampleSensitivityRun>, IDisposable
{
    private static readonly string[] Branches = ["baseline", "growth", "stretch"];

    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-sensitivity-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Forecast_Sensitivity_DataFilesSameAsWithout()
    {
        var directory = RankedDirectory();

        foreach (var name in new[]
        {
            ForecastOutputWriter.BandsCsvName, ForecastOutputWriter.BandsJsonName, ForecastOutputWriter.CostPerTaskCsvName,
        })
        {
            Assert.Equal(
                File.ReadAllBytes(example.OneSilo.PathOf(name)), File.ReadAllBytes(Path.Combine(directory, name)));
        }
    }

    [Fact]
    public void Forecast_Sensitivity_WritesRankingAndCharts()
    {
        var directory = RankedDirectory();

        var rows = File.ReadAllLines(Path.Combine(directory, ForecastOutputWriter.SensitivityCsvName)).Skip(1).ToList();
        var report = File.ReadAllText(Path.Combine(directory, ForecastOutputWriter.ReportName));
        Assert.Equal(Branches, rows.Select(row => row.Split(',')[0]).Distinct());
        Assert.Contains(rows, row => row.StartsWith("baseline,", StringComparison.Ordinal)
            && row.Contains(",events[0].monthly_change,", StringComparison.Ordinal));
        Assert.Equal(3, Regex.Count(report, "<h3>What widens the band</h3>"));
        foreach (var branch in Branches)
        {
            Assert.True(File.Exists(Path.Combine(directory, $"tornado-{branch}.svg")), $"tornado-{branch}.svg is missing");
        }
    }

    [Fact]
    public void Forecast_Sensitivity_FixedAssumptionsAbsent()
    {
        var directory = RankedDirectory();

        // The example fixes every cohort's users and the enterprise cohort's support-chat adoption.
        var csv = File.ReadAllText(Path.Combine(directory, ForecastOutputWriter.SensitivityCsvName));
        Assert.DoesNotContain(".users,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("cohorts.enterprise-customers.features.support-chat.adoption", csv, StringComparison.Ordinal);
        Assert.Contains("cohorts.enterprise-customers.features.support-chat.tasks_per_active_user", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_Sensitivity_MediansMatchTheBands()
    {
        // The grains gave the bands, and the ranking simulates the trials again on the core engine. Both must
        // see the same trials, so the horizon P50 is the same number.
        var directory = RankedDirectory();

        using var bands = JsonDocument.Parse(File.ReadAllBytes(example.OneSilo.PathOf(ForecastOutputWriter.BandsJsonName)));
        using var ranking = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, ForecastOutputWriter.SensitivityJsonName)));
        var bandBranches = bands.RootElement.GetProperty("branches");
        var rankedBranches = ranking.RootElement.GetProperty("branches");
        for (var b = 0; b < Branches.Length; b++)
        {
            var expected = bandBranches[b].GetProperty("total").GetProperty("horizon").GetProperty("p50").GetDouble();
            Assert.Equal(expected, rankedBranches[b].GetProperty("horizon_p50_usd").GetDouble());
        }
    }

    [Fact]
    public void Forecast_Sensitivity_PrintsTablePerBranch()
    {
        var output = ranked.Output;
        Assert.Equal(0, ranked.ExitCode);
        foreach (var branch in Branches)
        {
            Assert.Contains($"what widens the band of branch {branch}", output, StringComparison.Ordinal);
        }

        Assert.Contains("events[0].monthly_change", output, StringComparison.Ordinal);
        Assert.Contains("sensitivity.csv", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_WithoutSensitivity_WritesFourFiles()
    {
        var written = Directory.GetFiles(example.OneSilo.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["bands.csv", "bands.json", "cost_per_task.csv", "report.html"], written);
        Assert.DoesNotContain("what widens the band", example.OneSilo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_SensitivityTooFewTrials_ExitsOne()
    {
        var directory = Path.Combine(_folder, "few");
        var settings = new ForecastSettings(
            ExampleForecastRuns.ExamplePath, [], Trials: Sensitivity.MinTrials - 1, OutputDirectory: directory,
            Sensitivity: true);

        var exitCode = ForecastCommand.Run(settings, _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Contains("--sensitivity needs at least 10 trials", _error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }

    private string RankedDirectory()
    {
        Assert.True(ranked.ExitCode == 0, ranked.Error);
        return ranked.Directory;
    }
}
