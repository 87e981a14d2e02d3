using Tokencast.Core.Calibration;

namespace Tokencast.Core.Tests.Calibration;

public class GoodnessOfFitTests
{
    // Sample {1, 2, 3, 4} against Uniform(0, 5), F(x) = x / 5: the ECDF steps are 0.25 apart and
    // F rises 0.2 per unit, so the gap grows to 1 − 0.8 = 0.2 at x = 4 and is 0.2 − 0 = 0.2 below x = 1.
    // Sample {1, 1, 3} against Uniform(0, 4): the ECDF jumps to 2/3 at the tie x = 1 where F = 0.25,
    // a gap of 2/3 − 1/4 = 5/12.
    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, 5.0, 0.2)]
    [InlineData(new double[] { 1, 1, 3 }, 4.0, 5.0 / 12)]
    [InlineData(new double[] { 2.5 }, 5.0, 0.5)]
    public void KolmogorovSmirnovDistance_UniformReference_MatchesHandValue(
        double[] sorted, double upper, double expected)
    {
        var distance = GoodnessOfFit.KolmogorovSmirnovDistance(sorted, x => Math.Clamp(x / upper, 0, 1));

        Assert.Equal(expected, distance, 12);
    }

    // R7: h = (n − 1)p, quantile = x[floor h] + (h − floor h)(x[floor h + 1] − x[floor h]), 0-based.
    // For {1, 2, 3, 4, 10}: p = 0.9 gives h = 3.6, so 4 + 0.6 × 6 = 7.6; p = 0.99 gives 4 + 0.96 × 6 = 9.76.
    [Theory]
    [InlineData(0.5, 3.0)]
    [InlineData(0.9, 7.6)]
    [InlineData(0.95, 8.8)]
    [InlineData(0.99, 9.76)]
    [InlineData(0.999, 9.976)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 10.0)]
    public void EmpiricalQuantile_R7Definition_MatchesHandValue(double probability, double expected)
    {
        var sample = new EmpiricalDistribution([10, 3, 1, 4, 2]);

        Assert.Equal(expected, sample.InverseCumulativeDistribution(probability), 10);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(1.0, 0.4)]
    [InlineData(1.5, 0.4)]
    [InlineData(2.0, 0.6)]
    [InlineData(5.0, 0.8)]
    [InlineData(7.0, 1.0)]
    public void EmpiricalCdf_WithTies_CountsValuesAtOrBelow(double x, double expected)
    {
        var sample = new EmpiricalDistribution([1, 1, 2, 5, 7]);

        Assert.Equal(expected, sample.CumulativeDistribution(x), 12);
    }

    [Fact]
    public void Compare_EmpiricalAgainstItself_HasZeroDistance()
    {
        var sample = new EmpiricalDistribution([1, 1, 2, 5, 7]);

        var quality = GoodnessOfFit.Compare(sample, sample, [0.5, 0.99]);

        Assert.Equal(0.0, quality.KolmogorovSmirnovDistance);
        Assert.Equal(3.2, quality.ObservedMean, 12);
        Assert.Equal(quality.ObservedMean, quality.FittedMean);
        Assert.All(quality.Quantiles, q => Assert.Equal(q.Observed, q.Fitted));
    }
}
