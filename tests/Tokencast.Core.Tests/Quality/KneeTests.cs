using Tokencast.Core.Quality;
using static Tokencast.Core.Tests.Quality.ParetoFrontierTests;

namespace Tokencast.Core.Tests.Quality;

public class KneeTests
{
    [Fact]
    public void Find_ConcaveCurve_LargestGapAboveDiagonal()
    {
        // Scaled cost 0, 0.25, 0.5, 0.75, 1 and scaled quality 0, 0.6, 0.8, 0.9, 1 differ by
        // 0, 0.35, 0.3, 0.15, 0: the knee is the point at cost 2.
        var knee = Knee.Find(ConcaveFrontier());

        Assert.Equal("b", knee.Point!.Label);
        Assert.Equal(0.35, knee.Difference!.Value, 12);
        Assert.Null(knee.Reason);
    }

    [Fact]
    public void Find_TwoPoints_NoKnee()
    {
        var knee = Knee.Find([Point("a", 1, 0.5), Point("b", 2, 0.8)]);

        Assert.Null(knee.Point);
        Assert.Contains("2 point(s)", knee.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_StraightLine_NoKnee()
    {
        var knee = Knee.Find([Point("a", 1, 0.5), Point("b", 2, 0.6), Point("c", 3, 0.7)]);

        Assert.Null(knee.Point);
        Assert.Contains("not concave", knee.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ConvexCurve_NoKnee()
    {
        // Scaled quality 0, 0.2, 1 lies below scaled cost 0, 0.5, 1.
        var knee = Knee.Find([Point("a", 1, 0.5), Point("b", 2, 0.6), Point("c", 3, 1.0)]);

        Assert.Null(knee.Point);
    }

    [Fact]
    public void Find_NotSorted_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => Knee.Find([Point("a", 2, 0.8), Point("b", 1, 0.5), Point("c", 3, 0.9)]));
    }

    internal static OperatingPoint[] ConcaveFrontier() =>
    [
        Point("a", 1, 0.5),
        Point("b", 2, 0.8),
        Point("c", 3, 0.9),
        Point("d", 4, 0.95, isCurrent: true),
        Point("e", 5, 1.0),
    ];
}
