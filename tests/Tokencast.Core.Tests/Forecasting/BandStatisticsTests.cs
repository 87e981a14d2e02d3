using MathNet.Numerics.Statistics;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Tests.Forecasting;

public class BandStatisticsTests
{
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.10)]
    [InlineData(0.50)]
    [InlineData(0.90)]
    [InlineData(0.95)]
    [InlineData(1.00)]
    public void QuantileR7_RandomSample_MatchesMathNet(double probability)
    {
        var random = new StableRandom(17);
        var values = Enumerable.Range(0, 1_001).Select(_ => random.NextDouble() * 1_000).Order().ToArray();

        var expected = SortedArrayStatistics.QuantileCustom(values, probability, QuantileDefinition.R7);

        Assert.Equal(expected, BandStatistics.QuantileR7(values, probability), 12);
    }

    [Fact]
    public void Compute_HandWorkedSample_GivesR7Percentiles()
    {
        // 1..11 unsorted: h = 10p, so P10 = 2, P50 = 6, P95 = 10.5 and the mean is 6.
        double[] values = [7, 3, 11, 1, 9, 5, 2, 10, 4, 8, 6];

        var band = BandStatistics.Compute(values);

        Assert.Equal(2, band.P10, 12);
        Assert.Equal(6, band.P50, 12);
        Assert.Equal(10.5, band.P95, 12);
        Assert.Equal(6, band.Mean, 12);
    }

    [Fact]
    public void Compute_OneTrial_ReportsErrorsAsNotANumber()
    {
        var band = BandStatistics.Compute([42.0]);

        Assert.Equal(42, band.P50);
        Assert.True(double.IsNaN(band.StandardErrors.P50));
        Assert.True(double.IsNaN(band.StandardErrors.Mean));
    }
}
