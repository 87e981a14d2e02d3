using Tokencast.Core.Distributions;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Tests.Forecasting;

/// <summary>Small compiled plans for engine tests.</summary>
internal static class TestPlans
{
    /// <summary>
    /// One branch, two features with heavy-tailed tokens (a log-normal and a log-normal body with a Pareto
    /// tail of shape 1.6, heavier than log-normal), two cohorts, three months. With
    /// <paramref name="uncertainVolume"/> growth and tasks per user are drawn per trial; without it the
    /// spread of spend comes from the random sum of tasks alone.
    /// </summary>
    public static SimulationPlan HeavyTailed(double usersScale = 1, bool uncertainVolume = true)
    {
        var prices = new CallPrices("test-model", [
            new CallPriceTier(0, 3e-6, 0.3e-6, 3.75e-6, 6e-6, 15e-6, 15e-6),
            new CallPriceTier(20_000, 6e-6, 0.6e-6, 7.5e-6, 12e-6, 22.5e-6, 22.5e-6),
        ]);
        var chat = new TaskModel(
            new ModelChoice(prices),
            TokenDistribution.LogNormalWithMedianAndQuantile(400, 0.95, 4_000),
            TokenDistribution.LogNormalWithMedianAndQuantile(200, 0.95, 1_200),
            systemPromptTokens: 800,
            conversation: new ConversationModel(CountDistribution.Geometric(3)),
            cache: new PromptCacheModel(0.7));
        var agent = new TaskModel(
            new ModelChoice(prices),
            TokenDistribution.LogNormalPareto(Math.Log(600), 1.0, 0.9, 1.6).WithMax(150_000),
            TokenDistribution.LogNormalWithMedianAndQuantile(150, 0.9, 600),
            agent: new AgentLoopModel(
                CountDistribution.Poisson(4, min: 1),
                CountDistribution.Poisson(1),
                TokenDistribution.LogNormalWithMedianAndQuantile(500, 0.95, 5_000),
                retryProbability: 0.1,
                maxAttempts: 3,
                toolCostUsd: 0.001));

        var features = new[]
        {
            Feature("chat", chat, lines: [0, 1, 2]),
            Feature("agent", agent, lines: [0, 1, 2]),
        };
        var cohorts = new[]
        {
            new CohortPlan(
                "small",
                UncertainNumber.Constant(40 * usersScale),
                uncertainVolume ? UncertainNumber.Normal(0.05, 0.03) : UncertainNumber.Constant(0.05),
                [Use(3, 10, uncertainVolume), Use(1, 2, uncertainVolume)]),
            new CohortPlan(
                "large",
                UncertainNumber.Constant(150 * usersScale),
                uncertainVolume ? UncertainNumber.Uniform(0, 0.1) : UncertainNumber.Constant(0.05),
                [Use(3, 8, uncertainVolume), null]),
        };
        var branch = new BranchPlan(
            "baseline",
            "test",
            [],
            features,
            cohorts,
            ["test-model", "tool execution", "human escalation"],
            [],
            [100, 100, 100],
            300);
        return new SimulationPlan("heavy", new DateOnly(2027, 1, 1), 3, [branch]);
    }

    /// <summary>
    /// <see cref="HeavyTailed"/> plus a "growth" branch with twice the users of every cohort and no budget.
    /// </summary>
    public static SimulationPlan WithGrowthBranch()
    {
        var baseline = HeavyTailed();
        var growth = HeavyTailed(usersScale: 2).Branches[0] with
        {
            Name = "growth",
            Description = "twice the users",
            Assumptions = [new BranchAssumption("cohorts.small.users", "40", "80")],
            MonthlyBudgetUsd = [],
            TotalBudgetUsd = null,
        };
        return baseline with { Branches = [baseline.Branches[0], growth] };
    }

    private static FeaturePlan Feature(string id, TaskModel model, int[] lines) =>
        new(id, [new TaskRegime(model, lines)], Enumerable.Repeat<IReadOnlyList<MonthSegment>>([new MonthSegment(0, 1)], 3).ToArray());

    private static CohortFeaturePlan Use(double tasksPerUserLow, double tasksPerUserHigh, bool uncertain) =>
        new(
            UncertainNumber.Constant(1),
            uncertain
                ? UncertainNumber.Uniform(tasksPerUserLow, tasksPerUserHigh)
                : UncertainNumber.Constant((tasksPerUserLow + tasksPerUserHigh) / 2),
            [1.0, 1.0, 1.0]);
}
