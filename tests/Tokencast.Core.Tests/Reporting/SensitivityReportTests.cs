using System.Text.RegularExpressions;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Quality;
using Tokencast.Core.Reporting;

namespace Tokencast.Core.Tests.Reporting;

public sealed class SensitivityReportTests : IDisposable
{
    private const string SectionHeading = "<h3>What widens the band</h3>";

    private static readonly ReportContext Context = new(
        "sample.yaml",
        "tokencast forecast sample.yaml --sensitivity",
        new DateTimeOffset(2027, 1, 5, 9, 30, 0, TimeSpan.Zero));

    private readonly string _directory = Directory.CreateTempSubdirectory("tokencast-sensitivity-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Html_WithSensitivity_SectionPerBranch()
    {
        var html = Html(SampleSensitivity.TwoBranches());

        Assert.Equal(2, Regex.Count(html, Regex.Escape(SectionHeading)));
        Assert.Contains("id=\"branch-1-tornado-title\"", html, StringComparison.Ordinal);
        Assert.Contains("This branch has no uncertain trial-level assumption", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_WithSensitivity_RowPerInput()
    {
        var html = Html(SampleSensitivity.TwoBranches());

        // Users: variance index 0.6, Spearman 0.75, P50 $100 and $250, swing $150.
        Assert.Contains(
            "<td><code>cohorts.<wbr>large.<wbr>users</code></td><td>lognormal(mu 5, sigma 0.5)</td>" +
            "<td class=\"number\">0.600</td><td class=\"number\">0.750</td><td class=\"number\">$100</td>" +
            "<td class=\"number\">$250</td><td class=\"number\">$150</td>",
            html,
            StringComparison.Ordinal);
        Assert.Contains("<td><code>events[0].<wbr>monthly_change</code></td>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<td><code>cohorts.<wbr>small.<wbr>monthly_growth</code></td><td>normal(mean 0.01, sd 0.01)</td>" +
            "<td class=\"number\">—</td><td class=\"number\">—</td>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Html_WithoutSensitivity_NoSection()
    {
        var html = Html(null);

        Assert.DoesNotContain(SectionHeading, html, StringComparison.Ordinal);
        Assert.DoesNotContain("tornado", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_SectionsRemoved_EqualsReportWithout()
    {
        // The ranking only inserts its sections: without them the page is the same text as without ranking.
        var with = Html(SampleSensitivity.TwoBranches());
        var stripped = Regex.Replace(
            with, Regex.Escape(SectionHeading) + ".*?(?=<h3>Breakdown over the horizon</h3>)", "", RegexOptions.Singleline);

        Assert.Equal(Html(null), stripped);
    }

    [Fact]
    public void Tornado_Rows_LargestSwingOnTop()
    {
        var svg = Svg(SampleSensitivity.TwoBranches()[0], standalone: true);

        // Adoption swings 180, users 150 and the trend −30; the growth rate has no measure and no bar.
        var labels = Regex.Matches(svg, "paint-order=\"stroke\">([^<]+)</text>").Select(m => m.Groups[1].Value);
        string[] expected = ["cohorts.small.features.chat.adoption", "cohorts.large.users", "events[0].monthly_change"];
        Assert.Equal(expected, labels);
    }

    [Fact]
    public void Tornado_ManyInputs_DrawsMaxRows()
    {
        var inputs = Enumerable.Range(0, 20)
            .Select(i => new InputSensitivity($"x{i:00}", 0.1, 0.01 * i, 100 - i, 100 + i))
            .ToList();
        var branch = SampleSensitivity.TwoBranches()[0] with { Inputs = inputs };

        var svg = Svg(branch, standalone: false);

        Assert.Equal(TornadoChartSvg.MaxRows, Regex.Count(svg, "paint-order=\"stroke\""));
        Assert.Contains(">x19</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">x04</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Tornado_Standalone_HasSvgNamespace()
    {
        var branch = SampleSensitivity.TwoBranches()[0];

        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", Svg(branch, standalone: true), StringComparison.Ordinal);
        Assert.DoesNotContain("xmlns", Svg(branch, standalone: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Tornado_NoInputs_SaysSo()
    {
        var svg = Svg(SampleSensitivity.TwoBranches()[1], standalone: true);

        Assert.Contains("No uncertain trial-level assumption in this branch.", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("</title></rect>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAll_WithSensitivity_WritesRankingAndCharts()
    {
        var files = ForecastOutputWriter.WriteAll(
            SampleForecasts.TwoBranches(), _directory, Context, SampleSensitivity.TwoBranches());

        string[] expected =
        [
            "bands.csv", "bands.json", "cost_per_task.csv", "report.html", "sensitivity.csv", "sensitivity.json",
            "tornado-baseline.svg", "tornado-growth.svg",
        ];
        var written = Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, written);
        Assert.Equal(8, files.All.Count);
        Assert.Equal(Path.Combine(_directory, "sensitivity.csv"), files.SensitivityCsv);
        Assert.Equal(Path.Combine(_directory, "tornado-growth.svg"), files.TornadoCharts[1]);
    }

    [Fact]
    public void WriteAll_WithoutSensitivity_SameBytesAsBefore()
    {
        var plain = Path.Combine(_directory, "plain");
        var ranked = Path.Combine(_directory, "ranked");

        var files = ForecastOutputWriter.WriteAll(SampleForecasts.TwoBranches(), plain, Context);
        ForecastOutputWriter.WriteAll(SampleForecasts.TwoBranches(), ranked, Context, SampleSensitivity.TwoBranches());

        Assert.Null(files.SensitivityCsv);
        Assert.Empty(files.TornadoCharts);
        foreach (var name in new[] { "bands.csv", "bands.json", "cost_per_task.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(plain, name)), File.ReadAllBytes(Path.Combine(ranked, name)));
        }
    }

    [Theory]
    [InlineData(new[] { "baseline", "growth" }, new[] { "tornado-baseline.svg", "tornado-growth.svg" })]
    [InlineData(new[] { "q1/eu plan" }, new[] { "tornado-q1-eu-plan.svg" })]
    [InlineData(new[] { "Ünïcode", "???" }, new[] { "tornado--n-code.svg", "tornado-2.svg" })]
    [InlineData(new[] { "a b", "a-b", "A_B" }, new[] { "tornado-a-b.svg", "tornado-2.svg", "tornado-A_B.svg" })]
    public void TornadoFileNames_Names_SafeAndUnique(string[] branches, string[] expected)
    {
        Assert.Equal(expected, ForecastOutputWriter.TornadoFileNames(branches));
    }

    private static string Html(IReadOnlyList<BranchSensitivity>? sensitivity)
    {
        using var text = new StringWriter();
        HtmlReportWriter.Write(SampleForecasts.TwoBranches(), text, Context, sensitivity);
        return text.ToString();
    }

    private static string Svg(BranchSensitivity branch, bool standalone)
    {
        using var text = new StringWriter();
        TornadoChartSvg.Write(text, "chart", "Tornado", branch, standalone);
        return text.ToString();
    }
}
