using Tokencast.Core.Quality;

namespace Tokencast.Core.Tests.Quality;

public class EvalQualityTests
{
    // Wilson with z = 1.959964, z² = 3.841459:
    // 8 of 10: centre (0.8 + 0.192073) / 1.384146 = 0.716740,
    //          half-width 1.959964 · √(0.016 + 0.009604) / 1.384146 = 0.226577.
    // 0 of 5:  centre 0.384146 / 1.768292 = 0.217240, half-width the same, so [0, 0.434480].
    // 5 of 5:  the mirror of 0 of 5.
    [Theory]
    [InlineData(0.8, 10, 0.490163, 0.943317)]
    [InlineData(0.0, 5, 0.0, 0.434480)]
    [InlineData(1.0, 5, 0.565520, 1.0)]
    public void FromPassRate_SmallCounts_WilsonInterval(double passRate, int items, double lower, double upper)
    {
        var quality = EvalQuality.FromPassRate(passRate, items);

        Assert.Equal(passRate, quality.Value);
        Assert.Equal(items, quality.Items);
        Assert.Equal(lower, quality.Lower, 5);
        Assert.Equal(upper, quality.Upper, 5);
        Assert.Equal(QualityMeasure.PassRate, quality.Measure);
    }

    [Fact]
    public void FromScores_FourScores_StudentTInterval()
    {
        // Mean 0.5; s = √(0.2 / 3) = 0.258199; s/√4 = 0.129099; t(0.975, 3) = 3.182446,
        // so the half-width is 0.410852.
        var quality = EvalQuality.FromScores([0.2, 0.4, 0.6, 0.8]);

        Assert.Equal(0.5, quality.Value, 12);
        Assert.Equal(0.089148, quality.Lower, 5);
        Assert.Equal(0.910852, quality.Upper, 5);
        Assert.Equal(QualityMeasure.MeanScore, quality.Measure);
    }

    [Fact]
    public void FromScores_OneScore_WholeRange()
    {
        var quality = EvalQuality.FromScores([0.7]);

        Assert.Equal(0.7, quality.Value);
        Assert.Equal(0, quality.Lower);
        Assert.Equal(1, quality.Upper);
    }

    [Fact]
    public void FromScores_WideSpread_CutToUnitRange()
    {
        // Mean 0.5, s = √(0.5 / 1) = 0.707107, t(0.975, 1) = 12.706205: far outside [0, 1].
        var quality = EvalQuality.FromScores([0.0, 1.0]);

        Assert.Equal(0, quality.Lower);
        Assert.Equal(1, quality.Upper);
    }

    [Theory]
    [InlineData(-0.1, 10)]
    [InlineData(1.1, 10)]
    [InlineData(double.NaN, 10)]
    [InlineData(0.5, 0)]
    public void FromPassRate_OutOfRange_Throws(double passRate, int items)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EvalQuality.FromPassRate(passRate, items));
    }
}
