using Tokencast.Core.Distributions;
using Tokencast.Core.Randomness;
using Tokencast.Core.Simulation;
using Tokencast.Core.Tests.Forecasting;

namespace Tokencast.Core.Tests.Simulation;

public class AssumptionSamplerTests
{
    private const ulong Seed = 17;
    private const int Trials = 300;

    [Fact]
    public void Redraw_UncertainPlan_ListsUncertainPathsOnly()
    {
        var samples = AssumptionSampler.Redraw(UncertainPlan().Branches[0], Seed, Trials);

        // Users of "small" are uncertain and those of "large" fixed, and adoption is fixed everywhere. "large"
        // does not use "agent", so it has no agent assumptions.
        string[] expected =
        [
            "cohorts.small.users",
            "cohorts.small.monthly_growth",
            "cohorts.small.features.chat.tasks_per_active_user",
            "cohorts.small.features.agent.tasks_per_active_user",
            "cohorts.large.monthly_growth",
            "cohorts.large.features.chat.tasks_per_active_user",
            "events[0].monthly_change",
        ];
        Assert.Equal(expected, samples.Select(s => s.Path));
        Assert.All(samples, s => Assert.Equal(Trials, s.Values.Length));
        Assert.Equal("lognormal(mu 3.68888, sigma 1.2)", samples[0].Distribution);
    }

    [Fact]
    public void Redraw_FixedPlan_ReturnsNothing()
    {
        var samples = AssumptionSampler.Redraw(TestPlans.HeavyTailed(uncertainVolume: false).Branches[0], Seed, Trials);

        Assert.Empty(samples);
    }

    [Fact]
    public void Redraw_SameSeed_EqualsTheRunsDraws()
    {
        var branch = UncertainPlan().Branches[0];
        const int months = 3;
        var samples = AssumptionSampler.Redraw(branch, Seed, Trials).ToDictionary(s => s.Path, s => s.Values);
        var assumptions = new TrialAssumptions(branch, months);
        var random = new StableRandom(0);

        for (var trial = 0; trial < Trials; trial++)
        {
            assumptions.Draw(branch, Seed, trial, random);

            // Users and tasks per user are the same doubles the run multiplies, so they must match exactly.
            Assert.Equal(samples["cohorts.small.users"][trial], assumptions.Users(0, 0));
            Assert.Equal(150, assumptions.Users(1, 0));
            Assert.Equal(samples["cohorts.small.features.chat.tasks_per_active_user"][trial], assumptions.TasksPerUser(0, 0));
            Assert.Equal(samples["cohorts.small.features.agent.tasks_per_active_user"][trial], assumptions.TasksPerUser(0, 1));
            Assert.Equal(samples["cohorts.large.features.chat.tasks_per_active_user"][trial], assumptions.TasksPerUser(1, 0));

            // Rates are reported as g but used as the factor 1 + g, so g + 1 may differ from the factor in the
            // last bit.
            var smallGrowth = assumptions.Users(0, 1) / assumptions.Users(0, 0);
            Assert.Equal(1 + samples["cohorts.small.monthly_growth"][trial], smallGrowth, 1e-12);
            var largeGrowth = assumptions.Users(1, 1) / assumptions.Users(1, 0);
            Assert.Equal(1 + samples["cohorts.large.monthly_growth"][trial], largeGrowth, 1e-12);

            // The trend starts in month 0, so month 1 has one step and month 2 two.
            var step = 1 + samples["events[0].monthly_change"][trial];
            Assert.Equal(1, assumptions.TrendFactor(0, 0));
            Assert.Equal(step, assumptions.TrendFactor(0, 1), 1e-12);
            Assert.Equal(step * step, assumptions.TrendFactor(0, 2), 1e-12);
        }
    }

    [Fact]
    public void Redraw_ClampedDraws_ReportedAsUsed()
    {
        // An adoption of normal(0.5, 1) falls outside [0, 1] in about 62 % of trials, and the run clamps it.
        var plan = UncertainPlan();
        var branch = plan.Branches[0];
        var small = branch.Cohorts[0];
        var chat = small.Features[0]! with { Adoption = UncertainNumber.Normal(0.5, 1) };
        branch = branch with { Cohorts = [small with { Features = [chat, small.Features[1]] }, branch.Cohorts[1]] };

        var adoption = AssumptionSampler.Redraw(branch, Seed, Trials)
            .Single(s => s.Path == "cohorts.small.features.chat.adoption").Values;

        Assert.All(adoption, value => Assert.InRange(value, 0, 1));
        Assert.Contains(0.0, adoption);
        Assert.Contains(1.0, adoption);
    }

    [Fact]
    public void Redraw_NegativeTrials_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AssumptionSampler.Redraw(UncertainPlan().Branches[0], Seed, -1));
    }

    /// <summary>
    /// <see cref="TestPlans.HeavyTailed"/> with log-normal users in cohort "small" (median 40) and a price
    /// trend of uniform(−5 %, +1 %) per month from the first month on every cost line.
    /// </summary>
    internal static SimulationPlan UncertainPlan()
    {
        var plan = TestPlans.HeavyTailed();
        var branch = plan.Branches[0];
        var small = branch.Cohorts[0] with { Users = UncertainNumber.LogNormal(Math.Log(40), 1.2) };
        var trend = new PriceTrendPlan("events[0]", UncertainNumber.Uniform(-0.05, 0.01), 0, [0, 1, 2]);
        branch = branch with { Cohorts = [small, branch.Cohorts[1]], PriceTrends = [trend] };
        return plan with { Branches = [branch] };
    }
}
