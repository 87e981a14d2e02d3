using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;

namespace Tokencast.Core.Tests.Reporting;

public class BandsJsonReaderTests
{
    [Fact]
    public void Read_WrittenResult_WritesBackSameBytes()
    {
        var bytes = Bytes(SampleForecasts.TwoBranches());

        var again = Bytes(BandsJsonReader.Read(bytes));

        Assert.Equal(bytes, again);
    }

    [Fact]
    public void Read_WrittenResult_KeepsValuesAndMonths()
    {
        var result = BandsJsonReader.Read(Bytes(SampleForecasts.TwoBranches()));

        var baseline = result.Branches[0];
        Assert.Equal(new DateOnly(2027, 2, 1), baseline.Total.Monthly[1].Month);
        Assert.Equal(50, baseline.Total.Monthly[1].Band.P50);
        Assert.Null(baseline.Budget[2].Month);
        Assert.Equal("cohorts.large.users", result.Branches[1].Assumptions[0].Path);
    }

    [Fact]
    public void Read_NullNumber_GivesNaN()
    {
        var result = SampleForecasts.OneBranch(withBudget: true);
        var branch = result.Branches[0];
        var nanTotal = branch.Total with { Horizon = branch.Total.Horizon with { Mean = double.NaN } };
        var bytes = Bytes(result with { Branches = [branch with { Total = nanTotal }] });

        var read = BandsJsonReader.Read(bytes);

        Assert.True(double.IsNaN(read.Branches[0].Total.Horizon.Mean));
        Assert.Equal(bytes, Bytes(read));
    }

    private static byte[] Bytes(ForecastResult result)
    {
        using var stream = new MemoryStream();
        BandsJsonWriter.Write(result, stream);
        return stream.ToArray();
    }
}
