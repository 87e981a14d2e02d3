using Tokencast.Core.Distributions;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Quality;
using Tokencast.Core.Simulation;
using Tokencast.Core.Tests.Simulation;

namespace Tokencast.Core.Tests.Forecasting;

public class ForecastSensitivityTests
{
    private const int Trials = 2000;

    [Fact]
    public void Run_WideUsers_RankedFirst()
    {
        // Users of "small" are log-normal with sigma 1.5 (P90 / P10 is about 47), while growth and tasks per
        // user vary by tens of percent, so the users should explain most of the spread.
        var plan = AssumptionSamplerTests.UncertainPlan();
        var branch = plan.Branches[0];
        var small = branch.Cohorts[0] with { Users = UncertainNumber.LogNormal(Math.Log(400), 1.5) };
        plan = plan with { Branches = [branch with { Cohorts = [small, branch.Cohorts[1]] }] };

        var (_, sensitivity) = ForecastSensitivity.Run(plan, new EngineOptions(Trials, Seed: 5));

        var ranking = sensitivity.Single();
        var first = ranking.Inputs[0];
        Assert.Equal("cohorts.small.users", first.Input);
        Assert.InRange(first.VarianceIndex!.Value, 0.5, 1);
        Assert.InRange(first.SpearmanCorrelation!.Value, 0.7, 1);
        Assert.True(first.HighDecileOutputMedian > 3 * first.LowDecileOutputMedian, $"swing {first.TornadoSwing}");
    }

    [Fact]
    public void Run_FixedInputs_Absent()
    {
        var (_, sensitivity) = ForecastSensitivity.Run(AssumptionSamplerTests.UncertainPlan(), new EngineOptions(Trials, Seed: 5));

        var inputs = sensitivity.Single().Inputs.Select(input => input.Input).ToList();
        Assert.DoesNotContain("cohorts.large.users", inputs);
        Assert.DoesNotContain("cohorts.small.features.chat.adoption", inputs);
        Assert.Equal(7, inputs.Count);
    }

    [Fact]
    public void Run_Inputs_OrderedByVarianceIndex()
    {
        var (_, sensitivity) = ForecastSensitivity.Run(AssumptionSamplerTests.UncertainPlan(), new EngineOptions(Trials, Seed: 5));

        var indices = sensitivity.Single().Inputs.Select(input => input.VarianceIndex!.Value).ToList();
        Assert.Equal(indices.OrderDescending(), indices);
    }

    [Fact]
    public void Analyse_Inputs_SameAsRankOfAll()
    {
        var plan = AssumptionSamplerTests.UncertainPlan();
        var options = new EngineOptions(Trials, Seed: 5, KeepTrialTotals: true);
        var totals = new ForecastEngine(plan, options).Run().TrialTotals![0];
        var inputs = AssumptionSampler.Redraw(plan.Branches[0], options.Seed, Trials).ToDictionary(s => s.Path, s => s.Values);

        var analysed = ForecastSensitivity.Analyse(plan.Branches[0], options.Seed, totals);

        Assert.Equal(Sensitivity.Rank(inputs, totals.HorizonUsd), analysed.Inputs);
    }

    [Fact]
    public void Run_TrialTotals_MatchTheBands()
    {
        // The totals are the trials the bands are taken from, so their R-7 median is the band's P50 exactly.
        var (result, sensitivity) = ForecastSensitivity.Run(TestPlans.WithGrowthBranch(), new EngineOptions(Trials, Seed: 9));

        var totals = result.TrialTotals!;
        Assert.Equal(2, totals.Count);
        for (var b = 0; b < totals.Count; b++)
        {
            var branch = result.Branches[b];
            Assert.Equal(branch.Name, totals[b].Branch);
            Assert.Equal(branch.Total.Horizon.P50, sensitivity[b].HorizonMedianUsd);
            Assert.Equal(branch.Total.Horizon.P50, BandStatistics.Compute(totals[b].HorizonUsd).P50);
            for (var m = 0; m < result.Months; m++)
            {
                Assert.Equal(branch.Total.Monthly[m].Band.P50, BandStatistics.Compute(totals[b].Month(m)).P50);
            }
        }
    }

    [Fact]
    public void Run_KeepTrialTotalsOff_KeepsNone()
    {
        var result = new ForecastEngine(TestPlans.HeavyTailed(), new EngineOptions(100, Seed: 9)).Run();

        Assert.Null(result.TrialTotals);
    }

    [Fact]
    public void Run_OptionOn_SameBandsAsOff()
    {
        var plan = TestPlans.WithGrowthBranch();

        var off = new ForecastEngine(plan, new EngineOptions(500, Seed: 4)).Run();
        var on = new ForecastEngine(plan, new EngineOptions(500, Seed: 4, KeepTrialTotals: true)).Run();

        for (var b = 0; b < off.Branches.Count; b++)
        {
            Assert.Equal(off.Branches[b].Total.Horizon, on.Branches[b].Total.Horizon);
            Assert.Equal(off.Branches[b].Total.Monthly, on.Branches[b].Total.Monthly);
            Assert.Equal(off.Branches[b].Cumulative, on.Branches[b].Cumulative);
        }
    }

    [Fact]
    public void Run_TooFewTrials_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ForecastSensitivity.Run(TestPlans.HeavyTailed(), new EngineOptions(Sensitivity.MinTrials - 1)));
    }

    [Fact]
    public void Analyse_TotalsOfAnotherBranch_Throws()
    {
        var plan = TestPlans.WithGrowthBranch();
        var totals = new BranchTrialTotals("growth", 1, Sensitivity.MinTrials, new double[Sensitivity.MinTrials]);

        Assert.Throws<ArgumentException>(() => ForecastSensitivity.Analyse(plan.Branches[0], 1, totals));
    }

    [Theory]
    // With the null level c = 0.1, an index of 0.1 counts 0, 0.55 counts (0.55 − 0.1) / 0.9 = 0.5 and 1
    // counts 1. An index below c and an undefined one count 0.
    [InlineData(new[] { 0.55 }, 0.5)]
    [InlineData(new[] { 0.1, 0.05 }, 0)]
    [InlineData(new[] { 0.55, 1.0, 0.1 }, 1.5)]
    public void ExplainedVarianceShare_Indices_SumLessBias(double[] indices, double expected)
    {
        var inputs = indices
            .Select((index, i) => new InputSensitivity($"x{i}", 0.5, index, 1, 2))
            .Append(new InputSensitivity("constant", null, null, 1, 1))
            .ToList();
        var sensitivity = new BranchSensitivity("baseline", 100, 1, 0.1, inputs, new Dictionary<string, string>());

        Assert.Equal(expected, sensitivity.ExplainedVarianceShare, 12);
    }

    [Fact]
    public void BranchTrialTotals_Months_SumToHorizonInMonthOrder()
    {
        // Two months of three trials, month-major: month 0 is (1, 2, 3) and month 1 is (10, 20, 30).
        var totals = new BranchTrialTotals("baseline", 2, 3, [1, 2, 3, 10, 20, 30]);

        Assert.Equal([11.0, 22.0, 33.0], totals.HorizonUsd);
        Assert.Equal([10.0, 20.0, 30.0], totals.Month(1).ToArray());
    }

    [Fact]
    public void BranchTrialTotals_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BranchTrialTotals("baseline", 2, 3, [1, 2, 3]));
    }
}
