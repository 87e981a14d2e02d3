using Tokencast.Core.Reporting;

namespace Tokencast.Core.Tests.Reporting;

public class AxisTicksTests
{
    /// <summary>
    /// Worked by hand with the nice-number steps. The range is rounded up to 1, 2, 5 or 10 times a power of
    /// ten. It is divided by (count - 1) and rounded to the nearest of those, and the ends go to multiples
    /// of that step.
    /// 0..947: range 1000, step 250 rounds to 200. 0..1: range 1, step 0.25 rounds to 0.2. 12300..45600:
    /// range 33300 becomes 50000, step 12500 rounds to 10000, ends 10000 and 50000. 0..3: range 5, step
    /// 1.25 rounds to 1. 0..0 widens to 0..1. -35..80: range 115 becomes 200, step 50.
    /// </summary>
    [Theory]
    [InlineData(0, 947, new double[] { 0, 200, 400, 600, 800, 1000 })]
    [InlineData(0, 1, new double[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [InlineData(12300, 45600, new double[] { 10000, 20000, 30000, 40000, 50000 })]
    [InlineData(0, 3, new double[] { 0, 1, 2, 3 })]
    [InlineData(0, 0, new double[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [InlineData(-35, 80, new double[] { -50, 0, 50, 100 })]
    public void Nice_HandWorkedRange_ReturnsRoundTicks(double min, double max, double[] expected)
    {
        Assert.Equal(expected, AxisTicks.Nice(min, max));
    }

    [Fact]
    public void Nice_MaxBelowMin_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AxisTicks.Nice(10, 5));
    }

    [Fact]
    public void Nice_InfiniteMax_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AxisTicks.Nice(0, double.PositiveInfinity));
    }
}
