using System.Globalization;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;

namespace Tokencast.Core.Tests.Reporting;

public class BandsCsvWriterTests
{
    [Fact]
    public void Write_TwoBranches_WritesHeaderAndEveryRow()
    {
        var lines = Lines(SampleForecasts.TwoBranches());

        // Per branch: 8 series (total, 2 features, 2 cohorts, 3 cost lines) of 3 months plus a horizon row,
        // and 3 cumulative rows: 8 * 4 + 3 = 35. Two branches and the header: 71 lines.
        Assert.Equal(BandsCsvWriter.Header, lines[0]);
        Assert.Equal(71, lines.Length);
    }

    [Fact]
    public void Write_TotalRow_RoundTripsBandValues()
    {
        var result = SampleForecasts.TwoBranches();
        var expected = result.Branches[0].Total.Monthly[1].Band;

        var row = Row(Lines(result), "baseline", "total", "total", "2027-02");

        double[] values =
            [expected.P5, expected.P10, expected.P50, expected.P90, expected.P95, expected.Mean];
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], Parse(row[4 + i]), 6);
        }

        Assert.Equal(expected.StandardErrors.P50, Parse(row[12]), 6);
        Assert.Equal(expected.StandardErrors.Mean, Parse(row[15]), 6);
    }

    [Fact]
    public void Write_SmallValue_KeepsSixDecimals()
    {
        var lines = Lines(SampleForecasts.TwoBranches());

        // Feature "agent" in January has median 40 * 0.25 = 10, so P5 = 5 and its SE = 5 / 100 = 0.05.
        var row = Row(lines, "baseline", "feature", "agent", "2027-01");

        Assert.Equal("5", row[4]);
        Assert.Equal("0.05", row[10]);
    }

    [Fact]
    public void Write_BudgetColumns_FilledOnlyWhereBudgetExists()
    {
        var lines = Lines(SampleForecasts.TwoBranches());

        var january = Row(lines, "baseline", "total", "total", "2027-01");
        var march = Row(lines, "baseline", "total", "total", "2027-03");
        var horizon = Row(lines, "baseline", "total", "total", "");
        var feature = Row(lines, "baseline", "feature", "chat", "2027-01");
        var growth = Row(lines, "growth", "total", "total", "2027-01");

        Assert.Equal(["100", "0.25"], january[16..]);
        Assert.Equal(["", ""], march[16..]);
        Assert.Equal(["300", "0.125"], horizon[16..]);
        Assert.Equal(["", ""], feature[16..]);
        Assert.Equal(["", ""], growth[16..]);
    }

    [Fact]
    public void Write_CumulativeRows_HaveNoHorizonRow()
    {
        var lines = Lines(SampleForecasts.TwoBranches());

        var cumulative = lines
            .Where(l => l.StartsWith("baseline,cumulative,", StringComparison.Ordinal))
            .ToArray();

        Assert.Equal(3, cumulative.Length);
        Assert.DoesNotContain(cumulative, l => l.Split(',')[3].Length == 0);
    }

    [Fact]
    public void Write_NameWithCommaAndQuote_IsQuoted()
    {
        var lines = Lines(SampleForecasts.TwoBranches(featureName: "chat, \"beta\""));

        const string expected = "baseline,feature,\"chat, \"\"beta\"\"\",2027-01,";
        Assert.Contains(lines, l => l.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Records_EndWithCrLf()
    {
        var text = Text(SampleForecasts.TwoBranches());

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Equal(71, text.Split("\r\n").Length - 1);
    }

    internal static string Text(ForecastResult result)
    {
        using var writer = new StringWriter();
        BandsCsvWriter.Write(result, writer);
        return writer.ToString();
    }

    private static string[] Lines(ForecastResult result) =>
        Text(result).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Returns the fields of the one row with these key columns. Names must not contain commas.
    /// </summary>
    private static string[] Row(string[] lines, string branch, string kind, string series, string month) =>
        lines
            .Select(l => l.Split(','))
            .Single(f => f[0] == branch && f[1] == kind && f[2] == series && f[3] == month);

    private static double Parse(string field) => double.Parse(field, CultureInfo.InvariantCulture);
}
