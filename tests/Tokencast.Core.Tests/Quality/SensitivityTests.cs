using Tokencast.Core.Quality;

namespace Tokencast.Core.Tests.Quality;

public class SensitivityTests
{
    private const int Trials = 10_000;

    [Fact]
    public void Rank_LinearOutput_StrongInputFirst()
    {
        // y = 3·x1 + 0.1·x2 + noise, x uniform on [0, 1]: Var(3·x1) = 0.75 against 0.0008 for x2
        // and 0.01 for the noise, so x1 explains about 98 % of the variance.
        var random = new Random(20261204);
        var x1 = Uniform(random, 0, 1);
        var x2 = Uniform(random, 0, 1);
        var unrelated = Uniform(random, 0, 1);
        var y = new double[Trials];
        for (var i = 0; i < Trials; i++)
        {
            y[i] = 3 * x1[i] + 0.1 * x2[i] + 0.1 * Normal(random);
        }

        var ranking = Rank(y, ("x1", x1), ("x2", x2), ("unrelated", unrelated));

        Assert.Equal("x1", ranking[0].Input);
        Assert.Equal("x2", ranking[1].Input);
        Assert.InRange(ranking[0].VarianceIndex!.Value, 0.95, 1.0);
        Assert.InRange(ranking[0].SpearmanCorrelation!.Value, 0.95, 1.0);
        Assert.True(ranking[0].TornadoSwing > 2.4, $"swing {ranking[0].TornadoSwing}");
    }

    [Fact]
    public void Rank_UnrelatedInput_IndexNearNullLevel()
    {
        // With 10,000 trials and 100 bins the expected estimate is 99 / 9,999 = 0.0099, not 0.
        var random = new Random(7);
        var x = Uniform(random, 0, 1);
        var y = Uniform(random, 0, 1);

        var result = Rank(y, ("x", x))[0];

        Assert.Equal(0.0099, Sensitivity.VarianceIndexNullLevel(Trials), 4);
        Assert.InRange(result.VarianceIndex!.Value, 0, 0.03);
        Assert.InRange(result.SpearmanCorrelation!.Value, -0.05, 0.05);
    }

    [Fact]
    public void Rank_SymmetricSquare_IndexNotSpearman()
    {
        // y = x² with x uniform on [-1, 1] is fully determined by x but not monotone in it, so the rank
        // correlation is near 0 while the variance index is near 1. The lowest decile is x in [-1, -0.8]
    // and the highest x in [0.8, 1], so both output medians are near 0.9² = 0.81.
        var random = new Random(11);
        var x = Uniform(random, -1, 1);
        var y = x.Select(value => value * value).ToArray();

        var result = Rank(y, ("x", x))[0];

        Assert.InRange(result.SpearmanCorrelation!.Value, -0.05, 0.05);
        Assert.InRange(result.VarianceIndex!.Value, 0.95, 1.0);
        Assert.InRange(result.LowDecileOutputMedian, 0.78, 0.84);
        Assert.InRange(result.HighDecileOutputMedian, 0.78, 0.84);
    }

    [Fact]
    public void Rank_IdentityOnHundredTrials_DecileMedians()
    {
        // Trials 1..100 with y = x: the lowest decile is 1..10 (median 5.5), the highest 91..100 (95.5).
        var x = Enumerable.Range(1, 100).Select(value => (double)value).ToArray();

        var result = Rank(x, ("x", x))[0];

        Assert.Equal(5.5, result.LowDecileOutputMedian);
        Assert.Equal(95.5, result.HighDecileOutputMedian);
        Assert.Equal(90, result.TornadoSwing);
        Assert.Equal(1, result.SpearmanCorrelation!.Value, 12);
    }

    [Fact]
    public void Rank_ConstantInput_NullMeasuresLast()
    {
        var x = Enumerable.Range(1, 20).Select(value => (double)value).ToArray();
        var constant = Enumerable.Repeat(3.0, 20).ToArray();

        var ranking = Rank(x, ("constant", constant), ("x", x));

        Assert.Equal("x", ranking[0].Input);
        Assert.Null(ranking[1].SpearmanCorrelation);
        Assert.Null(ranking[1].VarianceIndex);
        Assert.Equal(0, ranking[1].TornadoSwing);
    }

    [Theory]
    [InlineData(SensitivityMeasure.SpearmanCorrelation, "negative")]
    [InlineData(SensitivityMeasure.TornadoSwing, "negative")]
    [InlineData(SensitivityMeasure.VarianceIndex, "negative")]
    public void Rank_NegativeEffect_RankedByMagnitude(SensitivityMeasure measure, string first)
    {
        // y = -5·a + b: a moves y five times as much as b, in the opposite direction.
        var random = new Random(3);
        var a = Uniform(random, 0, 1);
        var b = Uniform(random, 0, 1);
        var y = a.Zip(b, (left, right) => -5 * left + right).ToArray();

        var ranking = Sensitivity.Rank(
            new Dictionary<string, double[]> { ["negative"] = a, ["positive"] = b }, y, measure);

        Assert.Equal(first, ranking[0].Input);
        Assert.True(ranking[0].SpearmanCorrelation < 0);
    }

    [Fact]
    public void Rank_LengthMismatch_Throws()
    {
        var inputs = new Dictionary<string, double[]> { ["x"] = new double[11] };

        Assert.Throws<ArgumentException>(() => Sensitivity.Rank(inputs, new double[12]));
    }

    [Fact]
    public void Rank_TooFewTrials_Throws()
    {
        var inputs = new Dictionary<string, double[]> { ["x"] = new double[9] };

        Assert.Throws<ArgumentException>(() => Sensitivity.Rank(inputs, new double[9]));
    }

    private static List<InputSensitivity> Rank(
        double[] output, params (string Name, double[] Samples)[] inputs) =>
        [.. Sensitivity.Rank(inputs.ToDictionary(input => input.Name, input => input.Samples), output)];

    private static double[] Uniform(Random random, double min, double max) =>
        [.. Enumerable.Range(0, Trials).Select(_ => min + (max - min) * random.NextDouble())];

    // Box-Muller: one standard normal draw from two uniform draws.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Rank_TiedSamples_SpearmanEqualsMathNet()
    {
        // Values rounded to one decimal place tie often, which is where rank conventions differ.
        var random = new Random(11);
        var input = Enumerable.Range(0, 500).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
        var output = input.Select(x => Math.Round(x * 3 + random.NextDouble(), 1)).ToArray();

        var ranked = Sensitivity.Rank(new Dictionary<string, double[]> { ["x"] = input }, output);

        Assert.Equal(MathNet.Numerics.Statistics.Correlation.Spearman(input, output), ranked[0].SpearmanCorrelation!.Value, 12);
    }
}