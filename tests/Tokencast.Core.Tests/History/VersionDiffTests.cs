using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Simulation;
using Tokencast.Core.Tests.Reporting;

namespace Tokencast.Core.Tests.History;

public class VersionDiffTests
{
    private static readonly DateOnly January = new(2027, 1, 1);
    private static readonly DateOnly February = new(2027, 2, 1);

    [Fact]
    public void Compare_TotalRises_GivesAbsoluteAndRelativeChange()
    {
        // BandAround(m) has P10 0.75 m, P90 1.5 m and mean 1.125 m. The January total median goes from 40
        // to 50, so every statistic rises by a quarter: P10 30 -> 37.5, P90 60 -> 75, mean 45 -> 56.25.
        var diff = VersionDiff.Compare(
            Version(1, Result(("baseline", 40, ["chat"]))),
            Version(2, Result(("baseline", 50, ["chat"]))));

        var january = diff.Bands.Single(b => b.Feature is null && b.Month == January);
        Assert.Equal(DiffStatus.InBoth, january.Status);
        Assert.Equal(10, january.P50.Absolute);
        Assert.Equal(0.25, january.P50.Relative);
        Assert.Equal(7.5, january.P10.Absolute);
        Assert.Equal(0.25, january.P10.Relative);
        Assert.Equal(15, january.P90.Absolute);
        Assert.Equal(11.25, january.Mean.Absolute);
        Assert.Equal(1, diff.OlderNumber);
        Assert.Equal(2, diff.NewerNumber);
    }

    [Fact]
    public void Compare_FeatureBands_SplitTotalEvenly()
    {
        // Two features share the total equally: median 40 -> 20 each, then 60 -> 30 each (+50 %).
        var diff = VersionDiff.Compare(
            Version(1, Result(("baseline", 40, ["chat", "agent"]))),
            Version(2, Result(("baseline", 60, ["chat", "agent"]))));

        var agentHorizon = diff.Bands.Single(b => b.Feature == "agent" && b.Month is null);
        Assert.Equal(20, agentHorizon.P50.Older);
        Assert.Equal(30, agentHorizon.P50.Newer);
        Assert.Equal(0.5, agentHorizon.P50.Relative);
    }

    [Fact]
    public void Compare_OlderValueZero_HasNoRelativeChange()
    {
        var diff = VersionDiff.Compare(
            Version(1, Result(("baseline", 0, []))),
            Version(2, Result(("baseline", 8, []))));

        var horizon = diff.Bands.Single(b => b.Month is null);
        Assert.Equal(8, horizon.P50.Absolute);
        Assert.Null(horizon.P50.Relative);
    }

    [Fact]
    public void Compare_RowOrder_TotalMonthsHorizonThenFeatures()
    {
        var diff = VersionDiff.Compare(
            Version(1, Result(("baseline", 40, ["chat", "agent"]))),
            Version(2, Result(("baseline", 40, ["chat", "agent"]))));

        var rows = diff.Bands.Select(b => $"{b.Feature ?? "total"} {b.Month?.ToString("yyyy-MM") ?? "horizon"}");
        Assert.Equal(
            ["total 2027-01", "total 2027-02", "total horizon", "chat 2027-01", "chat 2027-02", "chat horizon",
                "agent 2027-01", "agent 2027-02", "agent horizon"],
            rows);
    }

    [Fact]
    public void Compare_BranchAddedAndRemoved_ListsBoth()
    {
        var diff = VersionDiff.Compare(
            Version(1, Result(("baseline", 40, ["chat"]), ("stretch", 90, ["chat"]))),
            Version(2, Result(("baseline", 40, ["chat"]), ("growth", 70, ["chat"]))));

        Assert.Equal(["growth"], diff.AddedBranches);
        Assert.Equal(["stretch"], diff.RemovedBranches);
        Assert.Equal(["baseline", "growth", "stretch"], diff.Bands.Select(b => b.Branch).Distinct());
        Assert.All(diff.Bands.Where(b => b.Branch == "growth"), b => Assert.Equal(DiffStatus.Added, b.Status));
        Assert.All(diff.Bands.Where(b => b.Branch == "stretch"), b => Assert.Equal(DiffStatus.Removed, b.Status));
        var stretchHorizon = diff.Bands.Single(b => b.Branch == "stretch" && b.Feature is null && b.Month is null);
        Assert.Equal(90, stretchHorizon.P50.Older);
        Assert.Null(stretchHorizon.P50.Newer);
        Assert.Null(stretchHorizon.P50.Absolute);
    }

    [Fact]
    public void Compare_FeatureAddedAndRemoved_ListsBoth()
    {
        var diff = VersionDiff.Compare(
            Version(1, Result(("baseline", 40, ["chat", "search"]))),
            Version(2, Result(("baseline", 40, ["chat", "agent"]))));

        Assert.Equal([new BranchFeature("baseline", "agent")], diff.AddedFeatures);
        Assert.Equal([new BranchFeature("baseline", "search")], diff.RemovedFeatures);
        Assert.Equal(
            ["chat", "agent", "search"],
            diff.Bands.Where(b => b.Feature is not null).Select(b => b.Feature).Distinct());
        Assert.Equal(DiffStatus.Removed, diff.Bands.First(b => b.Feature == "search").Status);
        Assert.Equal(DiffStatus.Added, diff.Bands.First(b => b.Feature == "agent").Status);
    }

    [Fact]
    public void Compare_HorizonMovedOneMonth_ListsMonthsOfOneVersion()
    {
        var older = Result(("baseline", 40, []));
        var newerResult = Result(("baseline", 40, []));
        var branch = newerResult.Branches[0];
        var shifted = branch.Total with
        {
            Monthly = [.. branch.Total.Monthly.Select(m => m with { Month = m.Month.AddMonths(1) })],
        };
        var newer = newerResult with { FirstMonth = February, Branches = [branch with { Total = shifted }] };

        var diff = VersionDiff.Compare(Version(1, older), Version(2, newer));

        var months = diff.Bands.Where(b => b.Month is not null).ToDictionary(b => b.Month!.Value, b => b.Status);
        Assert.Equal(DiffStatus.Removed, months[January]);
        Assert.Equal(DiffStatus.InBoth, months[February]);
        Assert.Equal(DiffStatus.Added, months[new DateOnly(2027, 3, 1)]);
    }

    [Fact]
    public void Compare_YamlValueChanged_ListsChangedPaths()
    {
        var newerScenario = HistorySamples.Scenario
            .Replace("input_tokens: 400", "input_tokens: 650\n    output_tokens: 90", StringComparison.Ordinal);
        var diff = VersionDiff.Compare(
            Version(1, Result(("baseline", 40, [])), HistorySamples.Inputs()),
            Version(2, Result(("baseline", 40, [])), HistorySamples.Inputs(newerScenario)));

        var file = Assert.Single(diff.Files);
        Assert.Equal("platform.yaml", file.File);
        Assert.Equal(DiffStatus.InBoth, file.Status);
        Assert.Equal(["features[0].input_tokens", "features[0].output_tokens"], file.ChangedPaths);
        Assert.Equal(2, file.LinesAdded);
        Assert.Equal(1, file.LinesRemoved);
    }

    [Fact]
    public void Compare_SameInputs_ListsNoInputChanges()
    {
        var diff = VersionDiff.Compare(
            Version(1, Result(("baseline", 40, []))),
            Version(2, Result(("baseline", 50, []))));

        Assert.Empty(diff.Files);
        Assert.Empty(diff.Settings);
    }

    [Fact]
    public void Compare_TrialsAndCutOffChanged_ListsSettings()
    {
        var older = Version(1, Result(("baseline", 40, [])), HistorySamples.Inputs(trials: 1000));
        var newer = Version(2, Result(("baseline", 40, [])), HistorySamples.Inputs(trials: 4000))
            with { CutOff = new DateOnly(2027, 1, 31) };

        var diff = VersionDiff.Compare(older, newer);

        Assert.Equal(
            [new SettingChange("trials", "1000", "4000"), new SettingChange("cut_off", "", "2027-01-31")],
            diff.Settings);
    }

    [Theory]
    // One line replaced: one added, one removed. A moved line counts as unchanged. A repeated line
    // counts once per copy.
    [InlineData("a\nb\nc", "a\nx\nc", 1, 1)]
    [InlineData("a\nb\nc", "c\na\nb", 0, 0)]
    [InlineData("a\na", "a", 0, 1)]
    [InlineData("", "a\nb\n", 2, 0)]
    [InlineData("a\r\nb", "a\nb", 0, 0)]
    public void CountChangedLines_Texts_CountsMultisetDifference(string older, string newer, int added, int removed)
    {
        var (linesAdded, linesRemoved) = InputDiff.CountChangedLines(older, newer);

        Assert.Equal(added, linesAdded);
        Assert.Equal(removed, linesRemoved);
    }

    [Fact]
    public void ChangedYamlPaths_InvalidYaml_ReturnsEmpty()
    {
        Assert.Empty(InputDiff.ChangedYamlPaths("a: [1", "a: 2"));
    }

    [Fact]
    public void ChangedYamlPaths_KeyRemovedAndListShorter_ListsBoth()
    {
        var paths = InputDiff.ChangedYamlPaths("a: 1\nb: [1, 2]\nc: {d: 1}", "a: 1\nb: [1]\nc: 3");

        Assert.Equal(["b[1]", "c"], paths);
    }

    private static ForecastVersion Version(int number, ForecastResult result, VersionInputs? inputs = null) =>
        ForecastHistoryRules.Add([], HistorySamples.Draft(result, inputs), DateTimeOffset.UnixEpoch).Version
            with { Number = number };

    /// <summary>
    /// Builds a two-month result: each branch's total is BandAround(median) in both months and over the
    /// horizon, and each feature gets an equal share of it.
    /// </summary>
    private static ForecastResult Result(params (string Name, double Median, string[] Features)[] branches) =>
        new(
            "platform",
            January,
            2,
            1000,
            42,
            [.. branches.Select(b => new BranchForecast(
                b.Name,
                "",
                Array.Empty<BranchAssumption>(),
                Series("total", b.Median),
                [],
                [.. b.Features.Select(f => Series(f, b.Median / b.Features.Length))],
                [],
                [],
                [],
                []))]);

    private static SeriesBands Series(string name, double median) =>
        new(
            name,
            [new MonthBand(January, SampleForecasts.BandAround(median)),
                new MonthBand(February, SampleForecasts.BandAround(median))],
            SampleForecasts.BandAround(median));
}
