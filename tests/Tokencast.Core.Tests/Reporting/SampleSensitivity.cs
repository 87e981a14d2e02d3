using Tokencast.Core.Forecasting;
using Tokencast.Core.Quality;

namespace Tokencast.Core.Tests.Reporting;

/// <summary>Hand-built sensitivity rankings for the branches of <see cref="SampleForecasts.TwoBranches"/>.</summary>
internal static class SampleSensitivity
{
    /// <summary>
    /// Branch "baseline" over 1000 trials with a horizon P50 of 150 USD and four assumptions in variance index
    /// order: users (index 0.6, swing 150), adoption (0.2, swing 180, the largest), a price trend (0.1, swing
    /// −30) and a growth rate that did not vary (no measures). Branch "growth" has no uncertain assumption.
    /// </summary>
    public static IReadOnlyList<BranchSensitivity> TwoBranches(string baselineName = "baseline")
    {
        InputSensitivity[] inputs =
        [
            new("cohorts.large.users", 0.75, 0.6, 100, 250),
            new("cohorts.small.features.chat.adoption", 0.4, 0.2, 120, 300),
            new("events[0].monthly_change", -0.3, 0.1, 170, 140),
            new("cohorts.small.monthly_growth", null, null, 150, 150),
        ];
        var distributions = new Dictionary<string, string>
        {
            ["cohorts.large.users"] = "lognormal(mu 5, sigma 0.5)",
            ["cohorts.small.features.chat.adoption"] = "beta(alpha 2, beta 8)",
            ["events[0].monthly_change"] = "uniform(-0.03 to 0)",
            ["cohorts.small.monthly_growth"] = "normal(mean 0.01, sd 0.01)",
        };
        var nullLevel = Sensitivity.VarianceIndexNullLevel(1000);
        return
        [
            new BranchSensitivity(baselineName, 1000, 150, nullLevel, inputs, distributions),
            new BranchSensitivity("growth", 1000, 300, nullLevel, [], new Dictionary<string, string>()),
        ];
    }
}
