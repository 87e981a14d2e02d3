using Tokencast.Core.Quality;

namespace Tokencast.Core.Tests.Quality;

public class ParetoFrontierTests
{
    [Fact]
    public void Of_DominatedPoints_Dropped()
    {
        // "mid" (cost 3, quality 0.6) loses to "small" (2, 0.7); "tiny-bad" (1, 0.4) loses to "tiny" (1, 0.5).
        OperatingPoint[] points =
        [
            Point("large", 4, 0.9),
            Point("mid", 3, 0.6),
            Point("small", 2, 0.7),
            Point("tiny-bad", 1, 0.4),
            Point("tiny", 1, 0.5),
        ];

        var frontier = ParetoFrontier.Of(points);

        Assert.Equal(["tiny", "small", "large"], frontier.Select(point => point.Label));
    }

    [Fact]
    public void Of_EqualPoints_KeptByLabel()
    {
        // Equal cost and quality: neither dominates, so both stay, in ordinal label order.
        OperatingPoint[] points = [Point("b", 2, 0.7), Point("a", 2, 0.7), Point("c", 1, 0.5)];

        var frontier = ParetoFrontier.Of(points);

        Assert.Equal(["c", "a", "b"], frontier.Select(point => point.Label));
    }

    [Fact]
    public void Of_SameCostHigherQuality_Wins()
    {
        OperatingPoint[] points = [Point("worse", 2, 0.6), Point("better", 2, 0.7)];

        var frontier = ParetoFrontier.Of(points);

        Assert.Equal(["better"], frontier.Select(point => point.Label));
    }

    [Fact]
    public void Dominates_EqualPoints_False()
    {
        Assert.False(ParetoFrontier.Dominates(Point("a", 1, 0.5), Point("b", 1, 0.5)));
    }

    [Fact]
    public void Of_NaNCost_Throws()
    {
        Assert.Throws<ArgumentException>(() => ParetoFrontier.Of([Point("a", double.NaN, 0.5)]));
    }

    internal static OperatingPoint Point(string label, double cost, double quality, bool isCurrent = false) =>
        new(label, new CostPerTaskBand(cost, cost * 0.5, cost * 0.9, cost * 2),
            EvalQuality.FromPassRate(quality, 100), isCurrent);
}
