using Tokencast.Core.Quality;

namespace Tokencast.Core.Tests.Quality;

public class CascadeEvaluationTests
{
    // Eight items with results from both models, plus x (cheap only) and y (strong only), which are dropped.
    // Cheap passes a, b, d: 3/8 = 0.375. Strong passes a, b, c, e, f, h: 6/8 = 0.75. Gap 0.375.
    // Item c carries its confidence on the strong model's row.
    private const string Table = """
        feature,item,model,passed,confidence
        qa,a,cheap,1,0.9
        qa,a,strong,1,
        qa,b,cheap,1,0.8
        qa,b,strong,1,
        qa,c,cheap,0,
        qa,c,strong,1,0.7
        qa,d,cheap,1,0.6
        qa,d,strong,0,
        qa,e,cheap,0,0.5
        qa,e,strong,1,
        qa,f,cheap,0,0.4
        qa,f,strong,1,
        qa,g,cheap,0,0.3
        qa,g,strong,0,
        qa,h,cheap,0,0.2
        qa,h,strong,1,
        qa,x,cheap,1,0.1
        qa,y,strong,1,
        """;

    [Fact]
    public void Create_PairsItems_CountsDropped()
    {
        var cascade = CreateCascade(Table);

        Assert.Equal(8, cascade.Items.Count);
        Assert.Equal(2, cascade.DroppedItems);
        Assert.Equal(0.375, cascade.CheapQuality.Value);
        Assert.Equal(0.75, cascade.StrongQuality.Value);
        Assert.Equal(0.375, cascade.QualityGap);
        Assert.Equal(QualityMeasure.PassRate, cascade.Measure);
    }

    // Counted from the table: kept items have confidence >= threshold and keep the cheap result.
    // 0.3:  kept a-g (cheap passes a, b, d = 3), escalated h (strong pass) -> 4/8, PGR 0.125/0.375.
    // 0.6:  kept a-d (a, b, d = 3), escalated e-h (e, f, h = 3) -> 6/8, PGR 1.
    // 0.65: kept a-c (a, b = 2), escalated d-h (e, f, h = 3) -> 5/8, PGR 0.25/0.375.
    [Theory]
    [InlineData(0.3, 7, 1, 0.5, 1.0 / 3)]
    [InlineData(0.6, 4, 4, 0.75, 1.0)]
    [InlineData(0.65, 3, 5, 0.625, 2.0 / 3)]
    public void At_Threshold_KeepsHighConfidence(
        double threshold, int kept, int escalated, double quality, double pgr)
    {
        var point = CreateCascade(Table).At(threshold);

        Assert.Equal(kept, point.KeptItems);
        Assert.Equal(escalated, point.EscalatedItems);
        Assert.Equal(escalated / 8.0, point.EscalationShare);
        Assert.Equal(quality, point.Quality.Value);
        Assert.Equal(pgr, point.PerformanceGapRecovered!.Value, 12);
        Assert.Equal(QualityMeasure.PassRate, point.Quality.Measure);
    }

    [Fact]
    public void Sweep_Default_ConfidencesPlusEnds()
    {
        var sweep = CreateCascade(Table).Sweep();

        double[] thresholds = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
        Assert.Equal(thresholds, sweep.Points.Select(point => point.Threshold));
        Assert.Equal(0, sweep.Points[0].EscalationShare);
        Assert.Equal(1, sweep.Points[^1].EscalationShare);
        Assert.Null(sweep.PgrUndefinedReason);
    }

    // PGR by threshold (0.2 to 1), escalating one more item each step from h upwards:
    // 0, 1/3, 1/3, 2/3, 1, 2/3, 1, 1, 1. The first PGR >= 0.8 is 1 at threshold 0.6 (share 4/8);
    // the first PGR >= 0.5 is 2/3 at threshold 0.5 (share 3/8).
    [Theory]
    [InlineData(0.8, 0.6, 0.5)]
    [InlineData(0.5, 0.5, 0.375)]
    [InlineData(1.0, 0.6, 0.5)]
    public void CallPerformanceThreshold_Target_SmallestShare(double target, double threshold, double share)
    {
        var point = CreateCascade(Table).Sweep().CallPerformanceThreshold(target)!;

        Assert.Equal(threshold, point.Threshold);
        Assert.Equal(share, point.EscalationShare);
    }

    [Fact]
    public void CallPerformanceThreshold_Unreached_Null()
    {
        var sweep = CreateCascade(Table).Sweep([0.0, 0.3]);

        Assert.Null(sweep.CallPerformanceThreshold(0.8));
    }

    [Fact]
    public void AveragePgr_Table_Trapezoid()
    {
        // Shares step by 1/8 with PGR 0, 1/3, 1/3, 2/3, 1, 2/3, 1, 1, 1. Sum of the trapezoid heights
        // in sixths: 1 + 2 + 3 + 5 + 5 + 5 + 6 + 6 = 33, so the area is 33/6 · 1/8 = 0.6875.
        var apgr = CreateCascade(Table).Sweep().AveragePerformanceGapRecovered();

        Assert.Equal(0.6875, apgr!.Value, 12);
    }

    [Fact]
    public void AveragePgr_OnePoint_AddsEnds()
    {
        // Threshold 0.6 gives (0.5, 1); with the ends (0, 0) and (1, 1): 0.5 · 0.5 + 0.5 · 1 = 0.75.
        var apgr = CreateCascade(Table).Sweep([0.6]).AveragePerformanceGapRecovered();

        Assert.Equal(0.75, apgr!.Value, 12);
    }

    [Fact]
    public void Sweep_ZeroGap_PgrUndefined()
    {
        // Both models pass 2 of 4 items, so there is no gap to recover.
        var text = """
            feature,item,model,passed,confidence
            f,a,cheap,1,0.9
            f,a,strong,0,
            f,b,cheap,1,0.7
            f,b,strong,1,
            f,c,cheap,0,0.5
            f,c,strong,1,
            f,d,cheap,0,0.3
            f,d,strong,0,
            """;

        var sweep = CreateCascade(text, "f").Sweep();

        Assert.Equal(0, sweep.QualityGap);
        Assert.All(sweep.Points, point => Assert.Null(point.PerformanceGapRecovered));
        Assert.Contains("same quality", sweep.PgrUndefinedReason, StringComparison.Ordinal);
        Assert.Null(sweep.AveragePerformanceGapRecovered());
        Assert.Null(sweep.CallPerformanceThreshold(0.5));
    }

    [Fact]
    public void At_Scores_MeanScoreInterval()
    {
        // Threshold 0.5 keeps a (cheap 0.2) and escalates b (strong 1.0): mean 0.6.
        var text = """
            feature,item,model,score,confidence
            f,a,cheap,0.2,0.8
            f,a,strong,0.6,
            f,b,cheap,0.4,0.3
            f,b,strong,1.0,
            """;

        var point = CreateCascade(text, "f").At(0.5);

        Assert.Equal(0.6, point.Quality.Value, 12);
        Assert.Equal(QualityMeasure.MeanScore, point.Quality.Measure);
    }

    [Fact]
    public void Create_MissingConfidence_ListsItems()
    {
        var text = "feature,item,model,passed\nf,a,cheap,1\nf,a,strong,1\nf,b,cheap,0\nf,b,strong,1\n";

        var exception = Assert.Throws<InvalidInputException>(() => CreateCascade(text, "f"));

        Assert.Equal(2, exception.Problems.Count);
        Assert.Equal(2, exception.Problems[0].Line);
        Assert.Contains("item 'a' of feature 'f' has no confidence", exception.Problems[0].Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AggregateOnlyModel_Rejected()
    {
        var text = """
            {"feature": "f", "item": "a", "model": "cheap", "passed": true, "confidence": 0.5}
            {"feature": "f", "model": "strong", "pass_rate": 0.9, "items": 40}
            """;
        var results = EvalResultsReader.Parse(text, "evals.jsonl");

        var exception = Assert.Throws<InvalidInputException>(
            () => CascadeEvaluation.Create(results, "f", "cheap", "strong"));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("strong", problem.Value);
        Assert.Contains("no per-item results for model 'strong'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownFeature_ListsFeatures()
    {
        var results = EvalResultsReader.Parse(Table, "evals.csv");

        var exception = Assert.Throws<InvalidInputException>(
            () => CascadeEvaluation.Create(results, "chat", "cheap", "strong"));

        Assert.Equal("eval results have no feature 'chat'; the file has 'qa'", exception.Problems[0].Message);
    }

    [Fact]
    public void FromItems_ScoreWithPassRate_Throws()
    {
        CascadeItem[] items = [new("a", 0.5, 1, 0.5)];

        Assert.Throws<ArgumentException>(() => CascadeEvaluation.FromItems(items, QualityMeasure.PassRate));
    }

    private static CascadeEvaluation CreateCascade(string text, string feature = "qa") =>
        CascadeEvaluation.Create(EvalResultsReader.Parse(text, "evals.csv"), feature, "cheap", "strong");
}
