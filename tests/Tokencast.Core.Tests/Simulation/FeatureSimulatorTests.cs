using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;
using Tokencast.Core.Tests.Forecasting;

namespace Tokencast.Core.Tests.Simulation;

public class FeatureSimulatorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Simulate_FeaturesAddedInOrder_EqualWholeBranchSamples(bool cohortDemand)
    {
        var plan = TestPlans.HeavyTailed();
        var options = new EngineOptions(Seed: 8);
        var branch = plan.Branches[0];
        var pools = new ForecastEngine(plan, options).BuildPools(branch);
        var whole = new BranchSimulator(branch, plan.Months, options.Seed, options.Mode, pools).Simulate(0, 40);

        var merged = MergeByFeature(plan, options, 40, [0, 25, 40], cohortDemand)[0];

        for (var series = 0; series < whole.SeriesCount; series++)
        {
            for (var month = 0; month < plan.Months; month++)
            {
                Assert.Equal(whole.Spend(series, month).ToArray(), merged.Spend(series, month).ToArray());
            }
        }

        for (var feature = 0; feature < branch.Features.Count; feature++)
        {
            for (var month = 0; month < plan.Months; month++)
            {
                Assert.Equal(whole.Tasks(feature, month).ToArray(), merged.Tasks(feature, month).ToArray());
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Simulate_BranchesSharingAndLackingFeatures_EqualEngineBands(bool cohortDemand)
    {
        // Branches that share cells with the first (growth), move a feature to another model, or drop a
        // feature must all come out as the engine gives them, to the last bit.
        var plan = TestPlans.WithGrowthBranch();
        var baseline = plan.Branches[0];
        var chatOnly = baseline with
        {
            Name = "chat only",
            Features = [baseline.Features[0]],
            Cohorts = [.. baseline.Cohorts.Select(c => c with { Features = [c.Features[0]] })],
        };
        var cheaperAgent = baseline with
        {
            Name = "cheaper agent",
            Features =
            [
                baseline.Features[0],
                baseline.Features[1] with
                {
                    Regimes = [baseline.Features[1].Regimes[0] with
                    {
                        Model = baseline.Features[1].Regimes[0].Model with
                        {
                            Model = baseline.Features[1].Regimes[0].Model.Model with { TokenEfficiency = 0.5 },
                        },
                    }],
                },
            ],
        };
        plan = plan with { Branches = [.. plan.Branches, chatOnly, cheaperAgent] };
        var options = new EngineOptions(Trials: 130, Seed: 5);
        var expected = new ForecastEngine(plan, options).Run();

        var samples = MergeByFeature(plan, options, options.Trials, [0, 64, 100, 130], cohortDemand);
        var cache = new Dictionary<string, TaskCostPool>(StringComparer.Ordinal);
        var branches = plan.Branches.Select((branch, b) => BandSummary.Summarise(
            plan, branch, PoolsOf(branch, options, cache), samples[b], options.Seed)).ToList();
        var actual = new ForecastResult(plan.Name, plan.FirstMonth, plan.Months, options.Trials, options.Seed, branches);

        Assert.Equal(ForecastEngineTests.Flatten(expected), ForecastEngineTests.Flatten(actual));
        Assert.Equal(
            expected.Branches.SelectMany(b => b.CostPerTask.Select(c => c.Tasks.P50)),
            actual.Branches.SelectMany(b => b.CostPerTask.Select(c => c.Tasks.P50)));
    }

    [Fact]
    public void Constructor_FeatureInNoBranch_Throws()
    {
        var plan = TestPlans.HeavyTailed();
        var cache = new Dictionary<string, TaskCostPool>(StringComparer.Ordinal);
        var options = new EngineOptions();

        Assert.Throws<ArgumentException>(() => new FeatureSimulator(plan, "missing", options, Source(options, cache)));
    }

    [Fact]
    public void CohortSimulator_CohortInNoBranch_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CohortSimulator(TestPlans.HeavyTailed(), "missing", new EngineOptions()));
    }

    /// <summary>
    /// Simulates every feature of the plan on its own over the trial ranges between consecutive
    /// <paramref name="cuts"/>, then adds the blocks per branch in feature order. With
    /// <paramref name="cohortDemand"/>, each cohort's users and tasks per user are drawn on their own first
    /// and handed to the features.
    /// </summary>
    private static BranchSamples[] MergeByFeature(SimulationPlan plan, EngineOptions options, int trials, int[] cuts, bool cohortDemand)
    {
        var cache = new Dictionary<string, TaskCostPool>(StringComparer.Ordinal);
        var featureIds = plan.Branches.SelectMany(b => b.Features.Select(f => f.Id)).Distinct().ToList();
        var simulators = featureIds.ToDictionary(id => id, id => new FeatureSimulator(plan, id, options, Source(options, cache)));
        var cohortIds = plan.Branches.SelectMany(b => b.Cohorts.Select(c => c.Id)).Distinct().ToList();
        var cohorts = cohortIds.ToDictionary(id => id, id => new CohortSimulator(plan, id, options));
        var samples = plan.Branches
            .Select(b => new BranchSamples(b.Features.Count, b.Cohorts.Count, b.CostLines.Count, plan.Months, 0, trials))
            .ToArray();

        // Later ranges first, so that the order in which ranges arrive does not matter.
        for (var range = cuts.Length - 2; range >= 0; range--)
        {
            var (first, count) = (cuts[range], cuts[range + 1] - cuts[range]);
            var drawn = cohortIds.ToDictionary(id => id, id => cohorts[id].Simulate(first, count));
            var demand = cohortDemand
                ? plan.Branches.Select((branch, b) => (IReadOnlyList<CohortBlock?>)[.. branch.Cohorts.Select(c => drawn[c.Id][b])]).ToList()
                : null;
            var blocks = featureIds.ToDictionary(id => id, id => simulators[id].Simulate(first, count, demand));
            for (var b = 0; b < plan.Branches.Count; b++)
            {
                var branch = plan.Branches[b];
                var sums = new BlockSums(branch.Features.Count, branch.Cohorts.Count, branch.CostLines.Count, plan.Months, first, count);
                for (var f = 0; f < branch.Features.Count; f++)
                {
                    sums.AddFeature(f, blocks[branch.Features[f].Id][b]!);
                }

                sums.CopyTo(samples[b]);
            }
        }

        return samples;
    }

    private static Func<FeaturePlan, TaskRegime, TaskCostPool> Source(EngineOptions options, Dictionary<string, TaskCostPool> cache) =>
        (feature, regime) =>
        {
            var key = ForecastEngine.PoolKey(feature, regime);
            if (!cache.TryGetValue(key, out var pool))
            {
                pool = ForecastEngine.BuildPool(key, regime.Model, options);
                cache[key] = pool;
            }

            return pool;
        };

    private static TaskCostPool[][] PoolsOf(BranchPlan branch, EngineOptions options, Dictionary<string, TaskCostPool> cache)
    {
        var source = Source(options, cache);
        return [.. branch.Features.Select(f => f.Regimes.Select(r => source(f, r)).ToArray())];
    }
}
