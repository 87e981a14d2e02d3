using Tokencast.Core.Distributions;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;
using Xunit.Abstractions;

namespace Tokencast.Core.Tests.Forecasting;

public class ForecastEngineTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_SameSeedDifferentThreads_GivesIdenticalBands()
    {
        var plan = TestPlans.HeavyTailed();

        var single = new ForecastEngine(plan, new EngineOptions(Trials: 300, Seed: 42, MaxDegreeOfParallelism: 1)).Run();
        var parallel = new ForecastEngine(plan, new EngineOptions(Trials: 300, Seed: 42, MaxDegreeOfParallelism: 2)).Run();

        Assert.Equal(Flatten(single), Flatten(parallel));
    }

    [Fact]
    public void Constructor_TrialsBeyondMemoryLimit_Rejected()
    {
        // The small plan keeps (1 + 2 features + 2 cohorts + 3 lines + 2 task series) x 3 months = 30 values
        // per trial, so 8 GiB fits 8 x 2^30 / 8 / 30 = 35,791,394 trials.
        var plan = TestPlans.HeavyTailed();

        var error = Assert.Throws<InvalidInputException>(() => new ForecastEngine(plan, new EngineOptions(Trials: 40_000_000)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("trials", problem.Path);
        Assert.Contains("at most 35,791,394 trials", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DifferentSeed_GivesDifferentBands()
    {
        var plan = TestPlans.HeavyTailed();

        var first = new ForecastEngine(plan, new EngineOptions(Trials: 200, Seed: 1)).Run();
        var second = new ForecastEngine(plan, new EngineOptions(Trials: 200, Seed: 2)).Run();

        Assert.NotEqual(Flatten(first), Flatten(second));
    }

    [Fact]
    public void Run_BreakdownsOfOneTrial_AddUpToTotal()
    {
        var plan = TestPlans.HeavyTailed();
        var engine = new ForecastEngine(plan, new EngineOptions(Trials: 64, Seed: 5));
        var branch = plan.Branches[0];
        var simulator = new BranchSimulator(branch, plan.Months, 5, SimulationMode.Aggregated, engine.BuildPools(branch));

        var samples = simulator.Simulate(0, 64);

        for (var m = 0; m < plan.Months; m++)
        {
            var total = samples.Spend(BranchSamples.TotalSeries, m).ToArray();
            var byFeature = Sum(samples, m, Enumerable.Range(0, samples.Features).Select(BranchSamples.FeatureSeries));
            var byCohort = Sum(samples, m, Enumerable.Range(0, samples.Cohorts).Select(samples.CohortSeries));
            var byLine = Sum(samples, m, Enumerable.Range(0, samples.CostLines).Select(samples.CostLineSeries));
            for (var t = 0; t < total.Length; t++)
            {
                Assert.Equal(total[t], byFeature[t], 9);
                Assert.Equal(total[t], byCohort[t], 9);
                Assert.Equal(total[t], byLine[t], 9);
            }
        }
    }

    [Fact]
    public void Simulate_BlocksOfAnySize_GiveTheSameTrials()
    {
        var plan = TestPlans.HeavyTailed();
        var branch = plan.Branches[0];
        var pools = new ForecastEngine(plan, new EngineOptions(Seed: 3)).BuildPools(branch);
        var simulator = new BranchSimulator(branch, plan.Months, 3, SimulationMode.Aggregated, pools);

        var whole = simulator.Simulate(0, 90);
        var head = simulator.Simulate(0, 37);
        var tail = simulator.Simulate(37, 53);

        var wholeTotals = whole.Spend(BranchSamples.TotalSeries, 2).ToArray();
        Assert.Equal(wholeTotals[..37], head.Spend(BranchSamples.TotalSeries, 2).ToArray());
        Assert.Equal(wholeTotals[37..], tail.Spend(BranchSamples.TotalSeries, 2).ToArray());
    }

    [Fact]
    public void Run_BranchSharingCells_MatchesBranchRunAlone()
    {
        // The variant changes only the small cohort, so its cells for the large cohort are replayed from the
        // baseline; the result must equal a run of the variant on its own, which simulates every cell.
        var plan = TestPlans.HeavyTailed();
        var baseline = plan.Branches[0];
        var variant = baseline with
        {
            Name = "variant",
            Cohorts = [baseline.Cohorts[0] with { Users = UncertainNumber.Constant(90) }, baseline.Cohorts[1]],
        };
        var options = new EngineOptions(Trials: 150, Seed: 9);
        var engine = new ForecastEngine(plan, options);
        var reuse = CellReuse.Find(baseline, engine.BuildPools(baseline), variant, engine.BuildPools(variant));

        var together = new ForecastEngine(plan with { Branches = [baseline, variant] }, options).Run();
        var variantAlone = new ForecastEngine(plan with { Branches = [variant] }, options).Run();
        var baselineAlone = new ForecastEngine(plan with { Branches = [baseline] }, options).Run();

        Assert.Equal(Flatten(baselineAlone), Flatten(together with { Branches = [together.Branches[0]] }));
        Assert.Equal(Flatten(variantAlone), Flatten(together with { Branches = [together.Branches[1]] }));
        Assert.NotEqual(Flatten(variantAlone), Flatten(baselineAlone));
        // Cells are feature x 2 + cohort: both features of the small cohort changed, chat of the large one did not.
        Assert.NotNull(reuse);
        Assert.Equal([false, true, false, true], reuse);
    }

    [Fact]
    public void Run_BranchSplittingAnotherFeature_KeepsSharedCellsIdentical()
    {
        // The variant splits the agent feature's first month in three segments, so that feature draws two more
        // normal deviates (one more pair of the polar method). The chat cells are shared and must not shift.
        // With a fifth of the users the small cohort has under 64 tasks a month, so its chat months are drawn
        // task by task from the stream right after the deviates, where a shift would show.
        var plan = TestPlans.HeavyTailed(usersScale: 0.2);
        var baseline = plan.Branches[0];
        var agent = baseline.Features[1];
        IReadOnlyList<MonthSegment> split = [new MonthSegment(0, 0.25), new MonthSegment(0, 0.25), new MonthSegment(0, 0.5)];
        var variant = baseline with
        {
            Name = "variant",
            Features = [baseline.Features[0], agent with { Months = [split, agent.Months[1], agent.Months[2]] }],
        };
        var options = new EngineOptions(Trials: 100, Seed: 6);

        var together = new ForecastEngine(plan with { Branches = [baseline, variant] }, options).Run();
        var variantAlone = new ForecastEngine(plan with { Branches = [variant] }, options).Run();

        Assert.Equal(Flatten(variantAlone), Flatten(together with { Branches = [together.Branches[1]] }));
    }

    [Fact]
    public void Run_BranchAddingModelLine_ReplaysSharedCellsOnRenamedLines()
    {
        // The variant moves the agent feature to another model, which adds a cost line in second place.
        // The chat cells are still shared, and their spend must land on the lines of the same names.
        var plan = TestPlans.HeavyTailed();
        var baseline = plan.Branches[0];
        var agent = baseline.Features[1];
        var otherModel = agent.Regimes[0].Model with
        {
            Model = new ModelChoice(agent.Regimes[0].Model.Model.Prices with { }, TokenEfficiency: 0.5),
        };
        var variant = baseline with
        {
            Name = "variant",
            CostLines = ["test-model", "test-model (efficient)", "tool execution", "human escalation"],
            Features =
            [
                baseline.Features[0] with { Regimes = [baseline.Features[0].Regimes[0] with { CostLines = [0, 2, 3] }] },
                agent with { Regimes = [new TaskRegime(otherModel, [1, 2, 3])] },
            ],
        };
        var options = new EngineOptions(Trials: 150, Seed: 4);
        var engine = new ForecastEngine(plan, options);
        var reuse = CellReuse.Find(baseline, engine.BuildPools(baseline), variant, engine.BuildPools(variant));

        var together = new ForecastEngine(plan with { Branches = [baseline, variant] }, options).Run();
        var variantAlone = new ForecastEngine(plan with { Branches = [variant] }, options).Run();

        Assert.NotNull(reuse);
        Assert.Equal([true, true, false, false], reuse);
        Assert.Equal(Flatten(variantAlone), Flatten(together with { Branches = [together.Branches[1]] }));
    }

    [Fact]
    public void CostPerTask_PriceTrend_ScalesByMonthFactor()
    {
        // A constant trend of -50 % a month from the first month halves prices in month 1 and quarters
        // them in month 2, on every cost line; cost per task must follow.
        var plan = TestPlans.HeavyTailed();
        var branch = plan.Branches[0] with
        {
            PriceTrends = [new PriceTrendPlan("halving", UncertainNumber.Constant(-0.5), 0, [0, 1, 2])],
        };
        var engine = new ForecastEngine(plan with { Branches = [branch] }, new EngineOptions(Trials: 64, Seed: 2));
        var chatPool = engine.BuildPools(branch)[0][0];

        var costs = engine.Run().Branches[0].CostPerTask.Where(c => c.Feature == "chat").ToList();

        Assert.Equal(chatPool.Mean, costs[0].MeanUsd, 12);
        Assert.Equal(chatPool.Mean * 0.5, costs[1].MeanUsd, 12);
        Assert.Equal(chatPool.Mean * 0.25, costs[2].MeanUsd, 12);
        Assert.Equal(chatPool.TaskCostQuantile(0.9) * 0.25, costs[2].P90Usd, 12);
    }

    [Fact]
    public void CopyFrom_BlocksMergedIntoWhole_EqualsWholeRun()
    {
        var plan = TestPlans.HeavyTailed();
        var branch = plan.Branches[0];
        var pools = new ForecastEngine(plan, new EngineOptions(Seed: 8)).BuildPools(branch);
        var simulator = new BranchSimulator(branch, plan.Months, 8, SimulationMode.Aggregated, pools);
        var whole = simulator.Simulate(0, 40);
        var merged = new BranchSamples(
            branch.Features.Count, branch.Cohorts.Count, branch.CostLines.Count, plan.Months, 0, 40);

        merged.CopyFrom(simulator.Simulate(25, 15));
        merged.CopyFrom(simulator.Simulate(0, 25));

        for (var series = 0; series < whole.SeriesCount; series++)
        {
            for (var month = 0; month < plan.Months; month++)
            {
                Assert.Equal(whole.Spend(series, month).ToArray(), merged.Spend(series, month).ToArray());
            }
        }

        Assert.Throws<ArgumentException>(() => merged.CopyFrom(simulator.Simulate(30, 20)));
    }

    [Fact]
    public void CostPerTask_SplitMonth_MixesBothRegimes()
    {
        // The chat feature runs its own model for the first half of month 0 and a copy at ten times the
        // price for the second half. A single task's median then lies between the two regimes' medians, and
        // the mean is the average of the two means.
        var plan = TestPlans.HeavyTailed();
        var baseline = plan.Branches[0];
        var chat = baseline.Features[0];
        var cheap = chat.Regimes[0];
        var prices = cheap.Model.Model.Prices;
        var dear = cheap with
        {
            Model = cheap.Model with
            {
                Model = new ModelChoice(new CallPrices(prices.Model, [.. prices.Tiers.Select(t => t with
                {
                    UncachedInput = t.UncachedInput * 10, CacheRead = t.CacheRead * 10, CacheWrite5Minutes = t.CacheWrite5Minutes * 10,
                    CacheWrite1Hour = t.CacheWrite1Hour * 10, Output = t.Output * 10, ReasoningOutput = t.ReasoningOutput * 10,
                })])),
            },
        };
        IReadOnlyList<MonthSegment> split = [new MonthSegment(0, 0.5), new MonthSegment(1, 0.5)];
        var branch = baseline with
        {
            Features = [chat with { Regimes = [cheap, dear], Months = [split, chat.Months[1], chat.Months[2]] }, baseline.Features[1]],
        };
        var engine = new ForecastEngine(plan with { Branches = [branch] }, new EngineOptions(Trials: 32, Seed: 1));
        var pools = engine.BuildPools(branch)[0];

        var month = engine.Run().Branches[0].CostPerTask.First(c => c.Feature == "chat");

        Assert.Equal((pools[0].Mean + pools[1].Mean) / 2, month.MeanUsd, 12);
        Assert.InRange(month.MedianUsd, pools[0].TaskCostQuantile(0.5), pools[1].TaskCostQuantile(0.5));
        Assert.Equal(0.5, 0.5 * pools[0].CumulativeProbability(month.MedianUsd) + 0.5 * pools[1].CumulativeProbability(month.MedianUsd), 3);
    }

    /// <summary>
    /// The aggregated engine (compound Poisson from a task-cost sample) and brute force (every task of every
    /// month simulated call by call) must give the same percentiles within their Monte Carlo error. The
    /// scenario has tails heavier than log-normal and months from a few dozen to a few thousand tasks, so
    /// both the direct and the normal-power paths are checked; with fixed volumes the band is the random
    /// sum of tasks alone, which is where an aggregation error would show.
    /// </summary>
    [Theory]
    [InlineData(1.0, 2_000, true)]
    [InlineData(1.0, 2_000, false)]
    [InlineData(4.0, 1_000, false)]
    public void Aggregated_AgainstCallByCall_PercentilesAgreeWithinError(double usersScale, int trials, bool uncertainVolume)
    {
        var plan = TestPlans.HeavyTailed(usersScale, uncertainVolume);

        var aggregated = new ForecastEngine(plan, new EngineOptions(trials, Seed: 11)).Run();
        var bruteForce = new ForecastEngine(plan, new EngineOptions(trials, Seed: 12, Mode: SimulationMode.CallByCall)).Run();

        for (var m = 0; m < plan.Months; m++)
        {
            var a = aggregated.Branches[0].Total.Monthly[m].Band;
            var b = bruteForce.Branches[0].Total.Monthly[m].Band;
            AssertAgree("P10", m, a.P10, a.StandardErrors.P10, b.P10, b.StandardErrors.P10);
            AssertAgree("P50", m, a.P50, a.StandardErrors.P50, b.P50, b.StandardErrors.P50);
            AssertAgree("P90", m, a.P90, a.StandardErrors.P90, b.P90, b.StandardErrors.P90);
        }
    }

    private void AssertAgree(string name, int month, double a, double errorA, double b, double errorB)
    {
        // Four combined standard errors: with 9 comparisons per case a false alarm has odds below 1 in 1,000.
        var tolerance = 4 * Math.Sqrt(errorA * errorA + errorB * errorB);
        output.WriteLine($"{name} month {month}: aggregated {a:F4} call by call {b:F4} tolerance {tolerance:F4}");
        Assert.True(
            Math.Abs(a - b) <= tolerance,
            $"{name} of month {month}: aggregated {a:F4} vs call by call {b:F4}, tolerance {tolerance:F4}");
    }

    private static double[] Sum(BranchSamples samples, int month, IEnumerable<int> series)
    {
        var sum = new double[samples.TrialCount];
        foreach (var s in series)
        {
            var values = samples.Spend(s, month);
            for (var t = 0; t < sum.Length; t++)
            {
                sum[t] += values[t];
            }
        }

        return sum;
    }

    internal static List<double> Flatten(ForecastResult result)
    {
        var values = new List<double>();
        foreach (var branch in result.Branches)
        {
            foreach (var series in new[] { branch.Total }.Concat(branch.Features).Concat(branch.Cohorts).Concat(branch.Models))
            {
                foreach (var month in series.Monthly)
                {
                    values.AddRange([month.Band.P5, month.Band.P10, month.Band.P50, month.Band.P90, month.Band.P95, month.Band.Mean]);
                }
            }
        }

        return values;
    }
}
