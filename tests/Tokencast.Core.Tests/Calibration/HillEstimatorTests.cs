using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Tokencast.Core.Calibration;

namespace Tokencast.Core.Tests.Calibration;

public class HillEstimatorTests
{
    [Fact]
    public void EstimateTailIndex_HandSample_IsCountOverSumOfLogRatios()
    {
        // Above u = 100 the log ratios are 1, 2 and 3, so α = 3 / 6 = 0.5; 50 and 100 are not above u.
        double[] values = [50, 100, 100 * Math.E, 100 * Math.Exp(2), 100 * Math.Exp(3)];

        var alpha = HillEstimator.EstimateTailIndex(values, threshold: 100);

        Assert.Equal(0.5, alpha!.Value, 12);
    }

    [Fact]
    public void EstimateTailIndex_NothingAboveThreshold_ReturnsNull()
    {
        Assert.Null(HillEstimator.EstimateTailIndex([1.0, 2.0], threshold: 2));
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(1.8)]
    [InlineData(3.0)]
    public void EstimateTailIndex_SeededParetoSample_RecoversShape(double shape)
    {
        // The estimate has standard error α / √n, 0.02 for α = 3 and n = 20,000; 4 standard errors allowed.
        const int n = 20_000;
        var pareto = new Pareto(scale: 1000, shape, new MersenneTwister(20270101));
        var values = pareto.Samples().Take(n).ToArray();

        var alpha = HillEstimator.EstimateTailIndex(values, threshold: 1000);

        Assert.InRange(alpha!.Value, shape - (4 * shape / Math.Sqrt(n)), shape + (4 * shape / Math.Sqrt(n)));
    }
}
