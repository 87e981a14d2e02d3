using Tokencast.Core.Distributions;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;
using Tokencast.Core.Variance;

namespace Tokencast.Core.Tests.Variance;

public class ForecastFactorsTests
{
    private static readonly DateOnly January = new(2026, 1, 1);

    // Per token: 3 USD per million uncached input, 0.30 cache read, 3.75 or 6 cache write, 15 output.
    private static readonly CallPriceTier Tier = new(0, 3e-6, 0.3e-6, 3.75e-6, 6e-6, 15e-6, 15e-6);

    // 1,000 input tokens plus a 500-token system prompt, half of the 1,500-token prompt read from the
    // cache (750 read, 750 uncached), and 200 output tokens, every task alike.
    private static TaskModel FixedTask(ModelChoice model, CascadeRouting? cascade = null) => new(
        model,
        TokenDistribution.Fixed(1_000),
        TokenDistribution.Fixed(200),
        systemPromptTokens: 500,
        cache: new PromptCacheModel(0.5, scope: PromptCacheScope.PromptShare),
        cascade: cascade);

    private static ModelChoice Model(string name) => new(new CallPrices(name, [Tier]));

    // January has 31 days and February 28; mean tasks 3,100 in January and 2,800 in February.
    private static (SimulationPlan Plan, ForecastResult Result) TwoMonths(TaskModel task)
    {
        var segment = new MonthSegment(0, 1.0);
        var feature = new FeaturePlan("chat", [new TaskRegime(task, [0, 1, 2])], [[segment], [segment]]);
        var branch = new BranchPlan("baseline", "", [], [feature], [], ["m", "tools", "human"], [], [null, null], null);
        var plan = new SimulationPlan("sample", January, 2, [branch]);
        FeatureTaskCost Cost(DateOnly month, double tasks) => new("chat", month, 0, 0, 0, 0, 0, Tasks(tasks));
        var forecast = new BranchForecast(
            "baseline", "", [], new SeriesBands("total", [], Tasks(0)), [], [], [], [],
            [Cost(January, 3_100), Cost(January.AddMonths(1), 2_800)], []);
        return (plan, new ForecastResult("sample", January, 2, 100, 7, [forecast]));
    }

    private static Band Tasks(double mean) => new(0, 0, 0, 0, 0, mean, new BandErrors(0, 0, 0, 0, 0, 0));

    [Fact]
    public void ForPeriod_FixedTokensOneModel_ExactFactors()
    {
        var (plan, result) = TwoMonths(FixedTask(Model("m")));

        // 25 to 31 January: 7 x 3,100 / 31 = 700 tasks; 1 to 7 February: 7 x 2,800 / 28 = 700 tasks.
        var factors = ForecastFactors.ForPeriod(plan, result, "baseline", new(2026, 1, 25), new(2026, 2, 8), 64);

        var cell = Assert.Single(factors.Cells);
        Assert.Equal(("chat", "m"), (cell.Feature, cell.Model));
        Assert.Equal(1_400m, cell.Tasks);
        Assert.Equal(new TokenAmounts(750m, 750m, 0m, 200m), cell.TokensPerTask);
        Assert.Equal(new BucketPrices(3m, 0.3m, 3.75m, 15m), cell.Prices);

        // 1.05 M uncached x 3 + 1.05 M read x 0.30 + 0.28 M output x 15 = 3.15 + 0.315 + 4.2.
        Assert.Equal(7.665m, factors.SpendUsd);
    }

    [Fact]
    public void ForPeriod_Cascade_EscalatedTasksInStrongCell()
    {
        var cascade = CascadeRouting.WithRate(Model("cheap"), Model("strong"), 0.25);
        var (plan, result) = TwoMonths(FixedTask(Model("cheap"), cascade));

        var factors = ForecastFactors.ForPeriod(plan, result, "baseline", new(2026, 2, 1), new(2026, 3, 1), 4_096);

        var cheap = factors.Cells.Single(cell => cell.Model == "cheap");
        var strong = factors.Cells.Single(cell => cell.Model == "strong");
        Assert.Equal(2_800m, cheap.Tasks + strong.Tasks);

        // Escalation is drawn per task, so the strong share is 0.25 within 4 standard errors
        // (sqrt(0.25 x 0.75 / 4,096) = 0.0068).
        Assert.InRange(strong.Tasks / 2_800m, 0.223m, 0.277m);
        Assert.Equal(new TokenAmounts(750m, 750m, 0m, 200m), cheap.TokensPerTask);

        // An escalated task runs on both models, and all its tokens count in the strong cell.
        Assert.Equal(new TokenAmounts(1_500m, 1_500m, 0m, 400m), strong.TokensPerTask);
    }

    [Fact]
    public void ForPeriod_OutsideHorizon_Throws()
    {
        var (plan, result) = TwoMonths(FixedTask(Model("m")));

        Assert.Throws<ArgumentException>(
            () => ForecastFactors.ForPeriod(plan, result, "baseline", new(2026, 2, 20), new(2026, 3, 5), 64));
    }
}
