using Tokencast.Core.Reporting;

namespace Tokencast.Core.Tests.Reporting;

public class CostPerTaskCsvWriterTests
{
    [Fact]
    public void Write_TwoBranches_WritesRowPerFeatureMonth()
    {
        var lines = Lines();

        // 2 branches * 2 features * 3 months = 12 rows, plus the header.
        Assert.Equal(CostPerTaskCsvWriter.Header, lines[0]);
        Assert.Equal(13, lines.Length);
    }

    [Fact]
    public void Write_TinyTaskCost_KeepsItsDigits()
    {
        var lines = Lines();

        // Mean 0.000001234 USD per task; median is half of it, P90 three times, P99 ten times. Tasks in
        // January have median 1000, so P10 = 750 and P90 = 1500.
        Assert.Equal(
            "baseline,chat,2027-01,0.000001234,0.000000617,0.000003702,0.00001234,0.004,750,1000,1500",
            lines[1]);
    }

    [Fact]
    public void Write_AgentMarch_HasTaskBand()
    {
        var lines = Lines();

        // Agent in March: mean 0.25 USD, tasks median 1000 * 3 = 3000.
        Assert.Contains("baseline,agent,2027-03,0.25,0.125,0.75,2.5,0.004,2250,3000,4500", lines);
    }

    private static string[] Lines()
    {
        using var writer = new StringWriter();
        CostPerTaskCsvWriter.Write(SampleForecasts.TwoBranches(), writer);
        return writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
