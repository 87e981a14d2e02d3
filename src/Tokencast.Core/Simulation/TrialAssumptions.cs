using Tokencast.Core.Distributions;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Simulation;

/// <summary>
/// The uncertain assumptions of one branch drawn for one trial: users per cohort and month, expected
/// tasks per user for each cohort and feature, and price-trend factors per cost line and month.
/// </summary>
/// <remarks>
/// Each assumption has its own stream keyed by (seed, trial, assumption id) and not by branch, so two
/// branches draw the same values where they keep the same distribution (common random numbers). The
/// differences between branches then come from their assumptions, not from sampling noise.
/// </remarks>
internal sealed class TrialAssumptions
{
    private readonly int _months;
    private readonly int _features;
    private readonly double[] _users;
    private readonly double[] _tasksPerUser;
    private readonly double[] _trendFactor;
    private readonly ulong[] _usersKeys;
    private readonly ulong[] _growthKeys;
    private readonly ulong[] _adoptionKeys;
    private readonly ulong[] _tasksKeys;
    private readonly ulong[] _trendKeys;

    public TrialAssumptions(BranchPlan branch, int months)
    {
        _months = months;
        _features = branch.Features.Count;
        _users = new double[branch.Cohorts.Count * months];
        _tasksPerUser = new double[branch.Cohorts.Count * _features];
        _trendFactor = new double[branch.CostLines.Count * months];

        // Stream ids are hashed once here, not once per trial.
        _usersKeys = branch.Cohorts.Select(c => UsersKey(c.Id)).ToArray();
        _growthKeys = branch.Cohorts.Select(c => GrowthKey(c.Id)).ToArray();
        _adoptionKeys = branch.Cohorts
            .SelectMany(c => branch.Features.Select(f => AdoptionKey(c.Id, f.Id))).ToArray();
        _tasksKeys = branch.Cohorts
            .SelectMany(c => branch.Features.Select(f => TasksKey(c.Id, f.Id))).ToArray();
        _trendKeys = branch.PriceTrends.Select(t => TrendKey(t.Id)).ToArray();
    }

    /// <summary>Returns the stream id of a cohort's users in the first month.</summary>
    internal static ulong UsersKey(string cohort) => StreamKey.Of("cohort", cohort, "users");

    /// <summary>Returns the stream id of a cohort's monthly growth rate.</summary>
    internal static ulong GrowthKey(string cohort) => StreamKey.Of("cohort", cohort, "monthly_growth");

    /// <summary>Returns the stream id of a cohort's adoption of a feature.</summary>
    internal static ulong AdoptionKey(string cohort, string feature) => StreamKey.Of("cohort", cohort, feature, "adoption");

    /// <summary>Returns the stream id of a cohort's tasks per active user of a feature.</summary>
    internal static ulong TasksKey(string cohort, string feature) => StreamKey.Of("cohort", cohort, feature, "tasks");

    /// <summary>Returns the stream id of a price trend's monthly change.</summary>
    internal static ulong TrendKey(string trend) => StreamKey.Of("price_trend", trend);

    /// <summary>
    /// Draws one assumption of a trial from its own stream and returns the value the simulation uses. A count
    /// (users, tasks per active user) is at least 0 and an adoption share lies in [0, 1]. For a rate g (growth,
    /// price change) it returns the factor 1 + g, at least 0.
    /// </summary>
    internal static double DrawValue(UncertainNumber value, AssumptionKind kind, ulong trialKey, ulong streamKey, StableRandom random)
    {
        random.Reseed(StreamKey.Combine(trialKey, streamKey));
        var draw = value.Sample(random);
        return kind switch
        {
            AssumptionKind.Adoption => Math.Clamp(draw, 0, 1),
            AssumptionKind.Rate => Math.Max(0, 1 + draw),
            _ => Math.Max(0, draw),
        };
    }

    public double Users(int cohort, int month) => _users[cohort * _months + month];

    /// <summary>Adoption times tasks per active user: expected tasks per cohort user per full month.</summary>
    public double TasksPerUser(int cohort, int feature) => _tasksPerUser[cohort * _features + feature];

    public double TrendFactor(int line, int month) => _trendFactor[line * _months + month];

    /// <summary>
    /// Draws the assumptions of one trial. With <paramref name="reference"/> and <paramref name="shared"/>,
    /// a cohort or cohort-feature whose distributions equal the reference branch's copies the values that
    /// branch drew for this trial, which are the same numbers because the streams are the same. With
    /// <paramref name="onlyFeature"/>, tasks per user are drawn for that feature only and the others keep
    /// stale values; with <paramref name="onlyCohort"/>, only that cohort is drawn. Every value drawn is the
    /// same as in a full draw.
    /// </summary>
    public void Draw(
        BranchPlan branch,
        ulong seed,
        int trial,
        StableRandom random,
        TrialAssumptions? reference = null,
        SharedAssumptions? shared = null,
        int onlyFeature = -1,
        int onlyCohort = -1)
    {
        var firstFeature = onlyFeature < 0 ? 0 : onlyFeature;
        var endFeature = onlyFeature < 0 ? _features : onlyFeature + 1;
        var firstCohort = onlyCohort < 0 ? 0 : onlyCohort;
        var endCohort = onlyCohort < 0 ? branch.Cohorts.Count : onlyCohort + 1;
        var trialKey = StreamKey.Combine(seed, (ulong)trial);
        for (var c = firstCohort; c < endCohort; c++)
        {
            var cohort = branch.Cohorts[c];
            if (reference is not null && shared is not null && shared.Cohorts[c])
            {
                Array.Copy(reference._users, c * _months, _users, c * _months, _months);
                for (var f = firstFeature; f < endFeature; f++)
                {
                    _tasksPerUser[c * _features + f] = shared.Uses[c * _features + f]
                        ? reference._tasksPerUser[c * _features + f]
                        : DrawTasksPerUser(cohort, c, f, trialKey, random);
                }

                continue;
            }

            var users = DrawValue(cohort.Users, AssumptionKind.Count, trialKey, _usersKeys[c], random);
            var growth = DrawValue(cohort.MonthlyGrowth, AssumptionKind.Rate, trialKey, _growthKeys[c], random);
            for (var m = 0; m < _months; m++)
            {
                _users[c * _months + m] = users;
                users *= growth;
            }

            for (var f = firstFeature; f < endFeature; f++)
            {
                _tasksPerUser[c * _features + f] = reference is not null && shared is not null && shared.Uses[c * _features + f]
                    ? reference._tasksPerUser[c * _features + f]
                    : DrawTasksPerUser(cohort, c, f, trialKey, random);
            }
        }

        DrawTrends(branch, trialKey, random, reference, shared);
    }

    /// <summary>
    /// Draws the price trends of one trial only, copying them from <paramref name="reference"/> when the
    /// branches share them; cohort values come from <see cref="SetCohort"/>.
    /// </summary>
    public void DrawTrends(
        BranchPlan branch, ulong seed, int trial, StableRandom random, TrialAssumptions? reference, SharedAssumptions? shared) =>
        DrawTrends(branch, StreamKey.Combine(seed, (ulong)trial), random, reference, shared);

    /// <summary>
    /// Sets the users of cohort <paramref name="cohort"/> and its tasks per user of feature
    /// <paramref name="feature"/> from a block drawn elsewhere, for the trial in <paramref name="slot"/>.
    /// </summary>
    public void SetCohort(int cohort, int feature, CohortBlock block, int slot)
    {
        block.Users(slot).CopyTo(_users.AsSpan(cohort * _months, _months));
        _tasksPerUser[cohort * _features + feature] = block.TasksPerUser(slot)[feature];
    }

    /// <summary>Copies the values of cohort <paramref name="cohort"/> into a slot of <paramref name="block"/>.</summary>
    public void CopyCohort(int cohort, CohortBlock block, int slot)
    {
        _users.AsSpan(cohort * _months, _months).CopyTo(block.Users(slot));
        _tasksPerUser.AsSpan(cohort * _features, _features).CopyTo(block.TasksPerUser(slot));
    }

    private void DrawTrends(BranchPlan branch, ulong trialKey, StableRandom random, TrialAssumptions? reference, SharedAssumptions? shared)
    {
        if (reference is not null && shared is { Trends: true })
        {
            Array.Copy(reference._trendFactor, _trendFactor, _trendFactor.Length);
            return;
        }

        DrawTrends(branch, trialKey, random);
    }

    private double DrawTasksPerUser(CohortPlan cohort, int c, int f, ulong trialKey, StableRandom random)
    {
        var use = cohort.Features[f];
        if (use is null)
        {
            return 0;
        }

        var adoption = DrawValue(use.Adoption, AssumptionKind.Adoption, trialKey, _adoptionKeys[c * _features + f], random);
        var tasks = DrawValue(use.TasksPerActiveUser, AssumptionKind.Count, trialKey, _tasksKeys[c * _features + f], random);
        return adoption * tasks;
    }

    /// <summary>
    /// Returns the price-trend factor of every cost line and month averaged over trials [0,
    /// <paramref name="trials"/>), drawn from the same streams as the simulation.
    /// </summary>
    public static double[] MeanTrendFactors(BranchPlan branch, int months, ulong seed, int trials)
    {
        var assumptions = new TrialAssumptions(branch, months);
        var random = new StableRandom(0);
        var mean = new double[branch.CostLines.Count * months];
        for (var trial = 0; trial < trials; trial++)
        {
            assumptions.DrawTrends(branch, StreamKey.Combine(seed, (ulong)trial), random);
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += assumptions._trendFactor[i] / trials;
            }
        }

        return mean;
    }

    private void DrawTrends(BranchPlan branch, ulong trialKey, StableRandom random)
    {
        Array.Fill(_trendFactor, 1.0);
        for (var i = 0; i < branch.PriceTrends.Count; i++)
        {
            var trend = branch.PriceTrends[i];
            var step = DrawValue(trend.MonthlyChange, AssumptionKind.Rate, trialKey, _trendKeys[i], random);
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
