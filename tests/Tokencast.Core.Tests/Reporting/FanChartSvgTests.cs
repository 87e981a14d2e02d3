using System.Text.RegularExpressions;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;

namespace Tokencast.Core.Tests.Reporting;

public class FanChartSvgTests
{
    internal const string BudgetStroke = "stroke=\"#c2410c\"";

    [Fact]
    public void Write_ThreeMonths_LabelsEveryMonth()
    {
        var svg = Svg(Months(3), []);

        Assert.Contains(">Jan 2027</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Feb 2027</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Mar 2027</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThirtySixMonths_LabelsEveryThirdMonth()
    {
        var svg = Svg(Months(36), []);

        // At most twelve labels: 36 months need every third, so Jan, Apr, Jul and Oct of three years.
        Assert.Equal(12, Regex.Count(svg, @">[A-Z][a-z]{2} 20\d\d</text>"));
        Assert.Contains(">Apr 2027</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">Feb 2027</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MediansUpTo60_HasRoundUsdTicks()
    {
        // P95 of the last month is 2 * 60 = 120: the range rounds up to 200, the step 50 stays 50, so the
        // ticks are 0, 50, 100 and 150.
        var svg = Svg(Months(3), []);

        Assert.Contains(">$0</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">$50</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">$150</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">$200</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_BudgetAboveBands_DrawsBudgetLine()
    {
        var svg = Svg(Months(3), [500, 500, null]);

        Assert.Contains(">$500</text>", svg, StringComparison.Ordinal);
        Assert.Contains(BudgetStroke, svg, StringComparison.Ordinal);
        Assert.Contains(">Budget</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoBudget_DrawsNoBudgetLine()
    {
        var svg = Svg(Months(3), [null, null, null]);

        Assert.DoesNotContain(BudgetStroke, svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">Budget</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OneMonth_DrawsBandWithWidth()
    {
        var svg = Svg(Months(1), []);

        // The median line of a single month still has two distinct points.
        var points = Regex.Match(svg, "<polyline points=\"([^\"]+)\"").Groups[1].Value.Split(' ');
        Assert.Equal(2, points.Length);
        Assert.NotEqual(points[0], points[1]);
    }

    [Fact]
    public void Write_NoMonths_Throws()
    {
        Assert.Throws<ArgumentException>(() => Svg([], []));
    }

    /// <summary>Returns monthly bands with medians 20, 40, 60, ... USD, from January 2027.</summary>
    private static MonthBand[] Months(int count) =>
        Enumerable.Range(0, count)
            .Select(m => new MonthBand(
                SampleForecasts.January.AddMonths(m), SampleForecasts.BandAround(20 * (m + 1))))
            .ToArray();

    private static string Svg(MonthBand[] months, double?[] budgetUsd)
    {
        using var writer = new StringWriter();
        FanChartSvg.Write(writer, "chart", "Test chart", months, budgetUsd, "Budget");
        return writer.ToString();
    }
}
