using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Tests.Reporting;

/// <summary>Hand-built forecast results with simple numbers, for output tests.</summary>
internal static class SampleForecasts
{
    public static readonly DateOnly January = new(2027, 1, 1);

    /// <summary>
    /// Scenario "sample", 3 months from January 2027, 1000 trials, seed 42. Branch "baseline" has a monthly
    /// budget of 100 USD in January and February (none in March) and a horizon budget of 300 USD; branch
    /// "growth" has no budget. Each branch has 2 features, 2 cohorts and 3 cost lines.
    /// </summary>
    public static ForecastResult TwoBranches(string featureName = "chat", string branchName = "baseline")
    {
        var baselineBudget = new[]
        {
            new BudgetOutlook(January, 100, 0.25),
            new BudgetOutlook(January.AddMonths(1), 100, 0.5),
            new BudgetOutlook(null, 300, 0.125),
        };
        return new ForecastResult(
            "sample",
            January,
            3,
            1000,
            42,
            [
                Branch(branchName, "Today's users", [], 1, featureName, baselineBudget),
                Branch(
                    "growth",
                    "Twice the users",
                    [new BranchAssumption("cohorts.large.users", "150", "300")],
                    2,
                    featureName,
                    []),
            ]);
    }

    /// <summary>Returns a result with only the first branch of <see cref="TwoBranches"/>.</summary>
    public static ForecastResult OneBranch(bool withBudget)
    {
        var result = TwoBranches();
        return result with { Branches = [result.Branches[withBudget ? 0 : 1]] };
    }

    /// <summary>
    /// Returns a band around <paramref name="median"/>: P5 = 0.5, P10 = 0.75, P90 = 1.5, P95 = 2 and mean
    /// = 1.125 times the median, every standard error 1 % of its estimate.
    /// </summary>
    public static Band BandAround(double median)
    {
        double[] values = [0.5 * median, 0.75 * median, median, 1.5 * median, 2 * median, 1.125 * median];
        var errors = values.Select(v => v / 100).ToArray();
        return new Band(
            values[0], values[1], values[2], values[3], values[4], values[5],
            new BandErrors(errors[0], errors[1], errors[2], errors[3], errors[4], errors[5]));
    }

    /// <summary>
    /// Builds a branch whose total median is 40, 50 and 60 USD times <paramref name="scale"/> in the three
    /// months; features, cohorts and cost lines split it into fixed shares.
    /// </summary>
    private static BranchForecast Branch(
        string name,
        string description,
        IReadOnlyList<BranchAssumption> assumptions,
        double scale,
        string featureName,
        IReadOnlyList<BudgetOutlook> budget)
    {
        double[] medians = [40 * scale, 50 * scale, 60 * scale];
        return new BranchForecast(
            name,
            description,
            assumptions,
            Series("total", medians, 1),
            medians
                .Select((_, m) => new MonthBand(January.AddMonths(m), BandAround(medians[..(m + 1)].Sum())))
                .ToArray(),
            [Series(featureName, medians, 0.75), Series("agent", medians, 0.25)],
            [Series("small", medians, 0.4), Series("large", medians, 0.6)],
            [Series("test-model", medians, 0.9), Series("tool execution", medians, 0.08),
                Series("human escalation", medians, 0.02)],
            [.. CostPerTask(featureName, 0.000001234), .. CostPerTask("agent", 0.25)],
            budget);
    }

    private static SeriesBands Series(string name, double[] medians, double share) =>
        new(
            name,
            medians
                .Select((median, m) => new MonthBand(January.AddMonths(m), BandAround(median * share)))
                .ToArray(),
            BandAround(medians.Sum() * share));

    private static IEnumerable<FeatureTaskCost> CostPerTask(string feature, double meanUsd) =>
        Enumerable.Range(0, 3).Select(m => new FeatureTaskCost(
            feature, January.AddMonths(m), meanUsd, meanUsd / 2, meanUsd * 3, meanUsd * 10, 0.004,
            BandAround(1000 * (m + 1))));
}
