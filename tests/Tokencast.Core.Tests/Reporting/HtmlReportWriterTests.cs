using System.Text.RegularExpressions;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;
using Tokencast.Core.Simulation;
using Tokencast.Core.Tests.Forecasting;

namespace Tokencast.Core.Tests.Reporting;

public class HtmlReportWriterTests
{
    private static readonly ReportContext Context = new(
        "plans/sample.yaml",
        "tokencast forecast plans/sample.yaml --trials 1000",
        new DateTimeOffset(2027, 1, 5, 9, 30, 0, TimeSpan.Zero),
        ["Bands converged to 1 %."]);

    [Fact]
    public void Write_TwoBranches_HasTwoChartsPerBranch()
    {
        var html = Html(SampleForecasts.TwoBranches());

        Assert.Equal(4, Regex.Count(html, "<svg "));
        Assert.Equal(4, Regex.Count(html, "</svg>"));
    }

    [Fact]
    public void Write_BranchWithBudget_DrawsBudgetLines()
    {
        var html = Html(SampleForecasts.OneBranch(withBudget: true));

        Assert.Contains(">Monthly budget</text>", html, StringComparison.Ordinal);
        Assert.Contains(">Horizon budget</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_BranchWithoutBudget_DrawsNoBudgetLine()
    {
        var html = Html(SampleForecasts.OneBranch(withBudget: false));

        Assert.DoesNotContain("budget</text>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FanChartSvgTests.BudgetStroke, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Header_ShowsRunFacts()
    {
        var html = Html(SampleForecasts.TwoBranches());

        Assert.Contains("<h1>Spend forecast: sample</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>plans/sample.yaml</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>baseline, growth</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>1,000</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>42</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Jan 2027 – Mar 2027 (3 months)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>2027-01-05 09:30:00 +00:00</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Bands converged to 1 %.</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SummaryTable_HasHorizonRowWithBudget()
    {
        var html = Html(SampleForecasts.OneBranch(withBudget: true));

        // Horizon total median 40 + 50 + 60 = 150, P10 = 112.5, P90 = 225, mean 168.75 (whole dollars
        // from $100), SE of P50 1.5. The horizon budget 300 is exceeded in 12.5 % of trials.
        Assert.Contains(
            "<td class=\"label\">Horizon</td><td class=\"number\">$113</td><td class=\"number\">$150</td>" +
            "<td class=\"number\">$225</td><td class=\"number\">$169</td><td class=\"number\">$1.50</td>" +
            "<td class=\"number\">$300</td><td class=\"number\">12.5 %</td>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Breakdown_ShowsShareOfMean()
    {
        var html = Html(SampleForecasts.OneBranch(withBudget: true));

        // Feature "chat" carries 75 % of every month, so 75 % of the horizon mean.
        Assert.Contains("<td class=\"label\">chat</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">75.0 %</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HostileNames_AreEscaped()
    {
        const string hostile = "<script>alert(\"x\")</script>";
        var sample = SampleForecasts.TwoBranches(featureName: hostile, branchName: hostile);
        var branch = sample.Branches[0] with
        {
            Description = hostile,
            Assumptions = [new BranchAssumption(hostile, hostile, hostile)],
        };
        var result = sample with { Scenario = hostile, Branches = [branch, sample.Branches[1]] };
        var context = Context with { ScenarioFile = hostile, CommandLine = hostile, Notes = [hostile] };

        var html = Html(result, context);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EngineResult_ReferencesNoExternalResource()
    {
        var options = new EngineOptions(Trials: 128, Seed: 4);
        var engine = new ForecastEngine(TestPlans.WithGrowthBranch(), options);
        var result = engine.Run();

        var html = Html(result);

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Write_SameResultAndContext_GivesSameText()
    {
        Assert.Equal(Html(SampleForecasts.TwoBranches()), Html(SampleForecasts.TwoBranches()));
    }

    private static string Html(ForecastResult result, ReportContext? context = null)
    {
        using var writer = new StringWriter();
        HtmlReportWriter.Write(result, writer, context ?? Context);
        return writer.ToString();
    }
}
