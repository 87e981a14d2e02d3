using Tokencast.Core.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Simulation;

/// <summary>
/// Draws again the uncertain trial-level assumptions of a branch for a range of trials. Each assumption has
/// its own stream keyed by (seed, trial, assumption id), so the values are the ones the forecast run with the
/// same seed drew, without running it.
/// </summary>
public static class AssumptionSampler
{
    /// <summary>
    /// Returns, for every uncertain assumption of <paramref name="branch"/>, the value it took in trials 0 to
    /// <paramref name="trials"/> − 1 of a run with <paramref name="seed"/>. Fixed numbers are left out
    /// because they do not vary, and so are cohort-features whose cohort does not use the feature.
    /// </summary>
    /// <remarks>
    /// Values are as the simulation uses them: users and tasks per active user are at least 0, adoption is
    /// in [0, 1], and a growth rate or price change g is at least −1. Users are those of the first month.
    /// Tokens per task and other task-level draws are not trial-level assumptions and are not returned.
    /// </remarks>
    public static IReadOnlyList<AssumptionSamples> Redraw(BranchPlan branch, ulong seed, int trials)
    {
        ArgumentNullException.ThrowIfNull(branch);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);

        var assumptions = UncertainAssumptions(branch);
        var values = assumptions.Select(_ => new double[trials]).ToArray();
        var random = new StableRandom(0);
        for (var trial = 0; trial < trials; trial++)
        {
            var trialKey = StreamKey.Combine(seed, (ulong)trial);
            for (var i = 0; i < assumptions.Count; i++)
            {
                var assumption = assumptions[i];
                var value = TrialAssumptions.DrawValue(
                    assumption.Value, assumption.Kind, trialKey, assumption.StreamKey, random);

                // The simulation uses a rate as the factor 1 + g, and the report shows g.
                values[i][trial] = assumption.Kind == AssumptionKind.Rate ? value - 1 : value;
            }
        }

        return assumptions
            .Select((assumption, i) => new AssumptionSamples(assumption.Path, assumption.Value.ToString(), values[i]))
            .ToArray();
    }

    /// <summary>Lists the uncertain assumptions of a branch in scenario order: cohorts, then price trends.</summary>
    private static List<Assumption> UncertainAssumptions(BranchPlan branch)
    {
        var assumptions = new List<Assumption>();
        void Add(string path, UncertainNumber value, AssumptionKind kind, ulong streamKey)
        {
            if (!value.IsConstant)
            {
                assumptions.Add(new Assumption(path, value, kind, streamKey));
            }
        }

        foreach (var cohort in branch.Cohorts)
        {
            var prefix = $"cohorts.{cohort.Id}.";
            Add(prefix + "users", cohort.Users, AssumptionKind.Count, TrialAssumptions.UsersKey(cohort.Id));
            Add(prefix + "monthly_growth", cohort.MonthlyGrowth, AssumptionKind.Rate, TrialAssumptions.GrowthKey(cohort.Id));
            for (var f = 0; f < branch.Features.Count; f++)
            {
                if (cohort.Features[f] is not { } use)
                {
                    continue;
                }

                var feature = branch.Features[f].Id;
                var featurePrefix = $"{prefix}features.{feature}.";
                Add(featurePrefix + "adoption", use.Adoption, AssumptionKind.Adoption,
                    TrialAssumptions.AdoptionKey(cohort.Id, feature));
                Add(featurePrefix + "tasks_per_active_user", use.TasksPerActiveUser, AssumptionKind.Count,
                    TrialAssumptions.TasksKey(cohort.Id, feature));
            }
        }

        foreach (var trend in branch.PriceTrends)
        {
            Add(trend.Id + ".monthly_change", trend.MonthlyChange, AssumptionKind.Rate, TrialAssumptions.TrendKey(trend.Id));
        }

        return assumptions;
    }

    private sealed record Assumption(string Path, UncertainNumber Value, AssumptionKind Kind, ulong StreamKey);
}
