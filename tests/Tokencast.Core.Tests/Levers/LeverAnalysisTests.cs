using Tokencast.Core.Levers;

namespace Tokencast.Core.Tests.Levers;

public sealed class LeverAnalysisTests
{
    private static FeatureLevers Analyse(string feature, string evals) =>
        Assert.Single(LeverAnalysis.Analyse(LeverScenarios.Bundle(feature, evals), new LeverOptions(Trials: 50))
            .Features);

    private static LeverPoint Point(FeatureLevers levers, string label) =>
        Assert.Single(levers.Points, point => point.Label == label);

    // Fixed token counts make every task cost the same, so mean, P10, P50 and P90 are all the cost of one
    // task: see LeverScenarios for the arithmetic.
    [Theory]
    [InlineData("model=big", 0.002)]
    [InlineData("model=small", 0.0003)]
    [InlineData("variant=short", 0.0012)]
    public void Analyse_FixedTokens_CostIsOneTaskPrice(string label, double expectedUsd)
    {
        var point = Point(Analyse(LeverScenarios.TierFeature, LeverScenarios.AggregateEvals), label);

        Assert.Equal(expectedUsd, point.Cost.MeanUsd, 12);
        Assert.Equal(expectedUsd, point.Cost.P10Usd, 12);
        Assert.Equal(expectedUsd, point.Cost.P50Usd, 12);
        Assert.Equal(expectedUsd, point.Cost.P90Usd, 12);
    }

    [Fact]
    public void Analyse_TierFeature_ListsCurrentTiersAndVariants()
    {
        var levers = Analyse(LeverScenarios.TierFeature, LeverScenarios.AggregateEvals);

        Assert.Equal(["model=big", "model=small", "variant=short"], levers.Points.Select(p => p.Label));
        Assert.True(levers.Current.IsCurrent);
        Assert.Equal("model=big", levers.Current.Label);
        Assert.Equal(LeverKind.Variant, Point(levers, "variant=short").Kind);
        Assert.Empty(levers.Skipped);
    }

    // Quality is found under the tier name (small), the model a tier names (big-model) and the variant name.
    [Theory]
    [InlineData("model=big", 0.9)]
    [InlineData("model=small", 0.6)]
    [InlineData("variant=short", 0.85)]
    public void Analyse_AggregateEvals_QualityByName(string label, double expected)
    {
        var point = Point(Analyse(LeverScenarios.TierFeature, LeverScenarios.AggregateEvals), label);

        Assert.Equal(expected, point.Quality!.Value, 12);
        Assert.Equal(100, point.Quality.Items);
    }

    // Scaled cost 0, 0.5294, 1 against scaled quality 0, 0.8333, 1: the variant lies 0.304 above the line.
    [Fact]
    public void Analyse_ThreePoints_KneeIsVariant()
    {
        var levers = Analyse(LeverScenarios.TierFeature, LeverScenarios.AggregateEvals);

        Assert.Equal(["model=small", "variant=short", "model=big"], levers.Frontier.Select(p => p.Label));
        Assert.Equal("variant=short", levers.Knee.Point?.Label);
        Assert.True(Point(levers, "variant=short").IsKnee);
        Assert.True(Point(levers, "model=small").OnFrontier);
    }

    // From 0.002 USD and 0.9 to the variant at 0.0012 USD and 0.85.
    [Fact]
    public void Analyse_CurrentOnBig_MovesToVariant()
    {
        var moves = Analyse(LeverScenarios.TierFeature, LeverScenarios.AggregateEvals).Moves!;

        Assert.Equal("variant=short", moves.ToKnee?.Target.Label);
        Assert.Equal(-0.0008, moves.ToKnee!.CostDeltaUsd, 12);
        Assert.Equal(-0.4, moves.ToKnee.RelativeCostChange!.Value, 9);
        Assert.Equal(-0.05, moves.ToKnee.QualityDelta, 12);
        Assert.Equal("variant=short", moves.OneTierDown?.Target.Label);
    }

    [Fact]
    public void Analyse_PointWithoutEval_LeftOutOfFrontier()
    {
        var evals = "feature,model,pass_rate,items\nchat,big-model,0.9,100\nchat,short,0.85,100\n";

        var levers = Analyse(LeverScenarios.TierFeature, evals);

        var small = Point(levers, "model=small");
        Assert.Null(small.Quality);
        Assert.Contains("no model 'small'", small.NoQualityReason, StringComparison.Ordinal);
        Assert.False(small.OnFrontier);
        Assert.DoesNotContain(levers.Frontier, point => point.Label == "model=small");
    }

    // Thresholds 0 and 0.2 escalate nothing, so 0.2 is dropped; 0.4, 0.6, 0.8 and 1 escalate 1 to 4 of the
    // four items.
    [Fact]
    public void Analyse_Cascade_OnePointPerEscalationShare()
    {
        var levers = Analyse(LeverScenarios.CascadeFeature, LeverScenarios.ItemEvals);

        var cascade = levers.Points.Where(point => point.Kind == LeverKind.CascadeThreshold).ToList();
        Assert.Equal([0, 0.4, 0.6, 0.8, 1], cascade.Select(point => point.Threshold!.Value));
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], cascade.Select(point => point.EscalationShare!.Value));
    }

    // At threshold 0.6 q1 and q2 escalate: the share is 0.5, and the quality is 4 passes of 4 because the
    // big model passes both escalated items and the small model passes q3 and q4.
    [Fact]
    public void Analyse_CascadeThreshold_UsesEvalEscalationShare()
    {
        var point = Point(Analyse(LeverScenarios.CascadeFeature, LeverScenarios.ItemEvals), "cascade threshold 0.6");

        Assert.Equal(0.5, point.EscalationShare);
        Assert.Equal(1.0, point.Quality!.Value, 12);
    }

    // An escalated task pays for both models: 0.0003 + 0.002 = 0.0023 USD, a kept one 0.0003 USD. With half
    // of the tasks escalated the mean is 0.0003 + 0.5 x 0.002 = 0.0013 USD, up to the sampling error of the
    // task-cost pool (1 % relative standard error), and P10 and P90 are the two single-task costs.
    [Fact]
    public void Analyse_CascadeThreshold_CostUsesShareAsRate()
    {
        var point = Point(Analyse(LeverScenarios.CascadeFeature, LeverScenarios.ItemEvals), "cascade threshold 0.6");

        Assert.InRange(point.Cost.MeanUsd, 0.0013 * 0.96, 0.0013 * 1.04);
        Assert.Equal(0.0003, point.Cost.P10Usd, 12);
        Assert.Equal(0.0023, point.Cost.P90Usd, 12);
    }

    [Fact]
    public void Analyse_CascadeZeroShare_CheapCostOnly()
    {
        var point = Point(Analyse(LeverScenarios.CascadeFeature, LeverScenarios.ItemEvals), "cascade threshold 0");

        // The small model alone passes q3 and q4.
        Assert.Equal(0.0003, point.Cost.MeanUsd, 12);
        Assert.Equal(0.5, point.Quality!.Value, 12);
    }

    // The gap is 1 - 0.5 = 0.5. PGR is 0 at share 0, 0.5 at share 0.25 and 1 from share 0.5 on.
    [Fact]
    public void Analyse_Cascade_RoutingMeasures()
    {
        var routing = Analyse(LeverScenarios.CascadeFeature, LeverScenarios.ItemEvals).Routing!;

        Assert.Equal(0.5, routing.Sweep.QualityGap, 12);
        Assert.Equal(0.25, routing.CallPerformance50!.EscalationShare);
        Assert.Equal(0.5, routing.CallPerformance80!.EscalationShare);
        // Trapezoids over shares 0, 0.25, 0.5, 0.75, 1 with PGR 0, 0.5, 1, 1, 1: 0.0625 + 0.1875 + 0.25 + 0.25.
        Assert.Equal(0.75, routing.AveragePerformanceGapRecovered!.Value, 12);
    }

    [Fact]
    public void Analyse_CascadeCurrent_RatedAtItsThreshold()
    {
        var levers = Analyse(LeverScenarios.CascadeFeature, LeverScenarios.ItemEvals);

        // At threshold 0.5 only q1 and q2 escalate, as at 0.6.
        Assert.Equal("cascade threshold 0.5 (as written)", levers.Current.Label);
        Assert.Equal(1.0, levers.Current.Quality!.Value, 12);
    }

    [Fact]
    public void Analyse_CascadeWithoutItems_NoRouting()
    {
        var levers = Analyse(LeverScenarios.CascadeFeature, LeverScenarios.AggregateEvals);

        Assert.Null(levers.Routing);
        Assert.Contains("no per-item results", levers.NoRoutingReason, StringComparison.Ordinal);
        Assert.DoesNotContain(levers.Points, point => point.Kind == LeverKind.CascadeThreshold);
    }

    [Fact]
    public void Analyse_UnknownFeature_Rejected()
    {
        var bundle = LeverScenarios.Bundle(LeverScenarios.TierFeature, LeverScenarios.AggregateEvals);

        var problem = Assert.Single(Assert.Throws<InvalidInputException>(
            () => LeverAnalysis.Analyse(bundle, new LeverOptions(Feature: "chta"))).Problems);

        Assert.Equal("chta", problem.Value);
        Assert.Contains("feature not found; the scenario has: chat", problem.Message, StringComparison.Ordinal);
    }
}
