using Tokencast.Core.Quality;
using static Tokencast.Core.Tests.Quality.ParetoFrontierTests;

namespace Tokencast.Core.Tests.Quality;

public class MovesTests
{
    [Fact]
    public void ForCurrent_OnFrontier_KneeAndTierDown()
    {
        // Current d (cost 4, quality 0.95). Knee b (2, 0.8): -2, -50 %, -0.15.
        // One tier down c (3, 0.9): -1, -25 %, -0.05.
        var moves = Moves.ForCurrent(KneeTests.ConcaveFrontier());

        Assert.Equal("d", moves.Current.Label);
        Assert.Equal("b", moves.ToKnee!.Target.Label);
        Assert.Equal(-2, moves.ToKnee.CostDeltaUsd, 12);
        Assert.Equal(-0.5, moves.ToKnee.RelativeCostChange!.Value, 12);
        Assert.Equal(-0.15, moves.ToKnee.QualityDelta, 12);
        Assert.Equal("c", moves.OneTierDown!.Target.Label);
        Assert.Equal(-1, moves.OneTierDown.CostDeltaUsd, 12);
        Assert.Equal(-0.25, moves.OneTierDown.RelativeCostChange!.Value, 12);
        Assert.Equal(-0.05, moves.OneTierDown.QualityDelta, 12);
    }

    [Fact]
    public void From_CheapestPoint_NoTierDown()
    {
        var frontier = ParetoFrontier.Of(KneeTests.ConcaveFrontier());

        var moves = Moves.From(frontier[0], frontier);

        Assert.Null(moves.OneTierDown);
        Assert.Equal(1, moves.ToKnee!.CostDeltaUsd, 12);
    }

    [Fact]
    public void From_DominatedCurrent_TierDownGainsQuality()
    {
        // Current (3.5, 0.7) lies below the frontier; the dearest cheaper frontier point is c (3, 0.9).
        var frontier = ParetoFrontier.Of(KneeTests.ConcaveFrontier());

        var moves = Moves.From(Point("today", 3.5, 0.7, isCurrent: true), frontier);

        Assert.Equal("c", moves.OneTierDown!.Target.Label);
        Assert.Equal(0.2, moves.OneTierDown.QualityDelta, 12);
    }

    [Fact]
    public void From_TwoPointFrontier_NoKneeWithReason()
    {
        var frontier = ParetoFrontier.Of([Point("a", 1, 0.5), Point("b", 2, 0.8, isCurrent: true)]);

        var moves = Moves.From(frontier[1], frontier);

        Assert.Null(moves.ToKnee);
        Assert.NotNull(moves.NoKneeReason);
        Assert.Equal("a", moves.OneTierDown!.Target.Label);
    }

    [Fact]
    public void ForCurrent_NoCurrentPoint_Throws()
    {
        Assert.Throws<ArgumentException>(() => Moves.ForCurrent([Point("a", 1, 0.5)]));
    }

    [Fact]
    public void Between_ZeroCurrentCost_NoRelativeChange()
    {
        var move = Move.Between(Point("free", 0, 0.3), Point("paid", 1, 0.6));

        Assert.Null(move.RelativeCostChange);
    }
}
