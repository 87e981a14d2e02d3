using Tokencast.Core.Randomness;

namespace Tokencast.Core.Simulation;

/// <summary>
/// The uncertain assumptions of one branch drawn for one trial: users per cohort and month, expected
/// tasks per user for each cohort and feature, and price-trend factors per cost line and month.
/// </summary>
/// <remarks>
/// Each assumption has its own stream keyed by (seed, trial, assumption id) and not by branch, so every
/// branch sees the same draws where it keeps the same distribution (common random numbers): differences
/// between branches come from their assumptions, not from sampling noise.
/// </remarks>
internal sealed class TrialAssumptions
{
    private readonly int _months;
    private readonly int _features;
    private readonly double[] _users;
    private readonly double[] _tasksPerUser;
    private readonly double[] _trendFactor;

    public TrialAssumptions(BranchPlan branch, int months)
    {
        _months = months;
        _features = branch.Features.Count;
        _users = new double[branch.Cohorts.Count * months];
        _tasksPerUser = new double[branch.Cohorts.Count * _features];
        _trendFactor = new double[branch.CostLines.Count * months];
    }

    public double Users(int cohort, int month) => _users[cohort * _months + month];

    /// <summary>Adoption times tasks per active user: expected tasks per cohort user per full month.</summary>
    public double TasksPerUser(int cohort, int feature) => _tasksPerUser[cohort * _features + feature];

    public double TrendFactor(int line, int month) => _trendFactor[line * _months + month];

    public void Draw(BranchPlan branch, ulong seed, int trial, StableRandom random)
    {
        var trialKey = StreamKey.Combine(seed, (ulong)trial);
        for (var c = 0; c < branch.Cohorts.Count; c++)
        {
            var cohort = branch.Cohorts[c];
            random.Reseed(StreamKey.Combine(trialKey, StreamKey.Of("cohort", cohort.Id, "users")));
            var users = Math.Max(0, cohort.Users.Sample(random));
            random.Reseed(StreamKey.Combine(trialKey, StreamKey.Of("cohort", cohort.Id, "monthly_growth")));
            var growth = Math.Max(0, 1 + cohort.MonthlyGrowth.Sample(random));
            for (var m = 0; m < _months; m++)
            {
                _users[c * _months + m] = users;
                users *= growth;
            }

            for (var f = 0; f < _features; f++)
            {
                var use = cohort.Features[f];
                if (use is null)
                {
                    _tasksPerUser[c * _features + f] = 0;
                    continue;
                }

                var feature = branch.Features[f].Id;
                random.Reseed(StreamKey.Combine(trialKey, StreamKey.Of("cohort", cohort.Id, feature, "adoption")));
                var adoption = Math.Clamp(use.Adoption.Sample(random), 0, 1);
                random.Reseed(StreamKey.Combine(trialKey, StreamKey.Of("cohort", cohort.Id, feature, "tasks")));
                var tasks = Math.Max(0, use.TasksPerActiveUser.Sample(random));
                _tasksPerUser[c * _features + f] = adoption * tasks;
            }
        }

        Array.Fill(_trendFactor, 1.0);
        foreach (var trend in branch.PriceTrends)
        {
            random.Reseed(StreamKey.Combine(trialKey, StreamKey.Of("price_trend", trend.Id)));
            var step = Math.Max(0, 1 + trend.MonthlyChange.Sample(random));
            foreach (var line in trend.CostLines)
            {
                // A trend that started before the horizon has already compounded by its first month.
                var factor = 1.0;
                for (var m = trend.FirstMonth + 1; m < _months; m++)
                {
                    factor *= step;
                    if (m >= 0)
                    {
                        _trendFactor[line * _months + m] *= factor;
                    }
                }
            }
        }
    }
}
