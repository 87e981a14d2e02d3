using Tokencast.Core.Actuals;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Recalibration;

/// <summary>
/// Scales tasks per active user so the scenario's tasks in the cut-off's month match the observed run rate.
/// </summary>
internal static class VolumeScaler
{
    /// <summary>
    /// Compares observed tasks per month (tasks / observed days * days per month) with the scenario's
    /// expected tasks in the cut-off's month, and scales <c>tasks_per_active_user</c> by their ratio. When
    /// every call carries a cohort that uses the feature, each cohort gets its own ratio. Otherwise every
    /// cohort that uses the feature gets the feature's ratio.
    /// </summary>
    public static void Scale(RecalibrationRun run, Scenario scenario, FeatureSpec feature,
        List<UsageActual> calls, ActualsWindow window, DateOnly cutOffMonth, RecalibrationOptions options)
    {
        var uses = scenario.Cohorts
            .SelectMany(c => c.Features.Where(f => f.FeatureId == feature.Id).Select(f => (Cohort: c, Use: f)))
            .ToList();
        if (uses.Count == 0)
        {
            run.Unchanged.Add(new UnchangedValue($"features.{feature.Id}", "no cohort uses the feature"));
            return;
        }

        var cohortIds = uses.Select(u => u.Cohort.Id).ToHashSet(StringComparer.Ordinal);
        var perCohort = calls.All(c => c.Cohort is { } id && cohortIds.Contains(id));
        var span = RecalibrationRun.SpanText(calls);
        if (perCohort)
        {
            foreach (var (cohort, use) in uses)
            {
                var cohortCalls = calls.Where(c => c.Cohort == cohort.Id).ToList();
                ScaleGroup(run, scenario, [(cohort, use)], cohortCalls, window, cutOffMonth, options, span,
                    $"cohort {cohort.Id}");
            }

            return;
        }

        ScaleGroup(run, scenario, uses, calls, window, cutOffMonth, options, span, "all cohorts");
    }

    private static void ScaleGroup(RecalibrationRun run, Scenario scenario,
        List<(CohortSpec Cohort, CohortFeatureSpec Use)> uses, List<UsageActual> calls,
        ActualsWindow window, DateOnly cutOffMonth, RecalibrationOptions options, string span, string scope)
    {
        var tasks = calls.Select(c => c.TaskId).Distinct(StringComparer.Ordinal).Count();
        var expected = uses.Sum(u => ExpectedTasks(scenario, u.Cohort, u.Use, cutOffMonth));
        var paths = uses.Select(u => $"cohorts.{u.Cohort.Id}.features.{u.Use.FeatureId}.tasks_per_active_user")
            .ToList();
        string? problem = tasks < options.MinimumTasks
            ? $"{Recalibrator.Count(tasks)} tasks for {scope}; needs at least {options.MinimumTasks}"
            : expected <= 0
                ? $"the scenario expects no tasks for {scope} in {Recalibrator.Month(cutOffMonth)}, so there is nothing to scale"
                : null;
        if (problem is not null)
        {
            run.Unchanged.AddRange(paths.Select(p => new UnchangedValue(p, problem)));
            return;
        }

        var observedPerMonth = tasks / (double)window.ObservedDays * options.DaysPerMonth;
        var factor = observedPerMonth / expected;
        var reason = $"{Recalibrator.Count(tasks)} tasks for {scope} in {window.ObservedDays} days ({span}) "
            + $"= {UncertainValueScaler.Number(observedPerMonth)} per month against "
            + $"{UncertainValueScaler.Number(expected)} expected in {Recalibrator.Month(cutOffMonth)}, "
            + $"x{UncertainValueScaler.Number(factor)}";
        for (var i = 0; i < uses.Count; i++)
        {
            var value = uses[i].Use.TasksPerActiveUser;
            run.Add(paths[i], value.Written, UncertainValueScaler.Scale(value, factor), reason);
        }
    }

    /// <summary>
    /// Computes users x (1 + growth)^months x adoption x tasks per active user at <paramref name="month"/>, with
    /// the mean of each uncertain number. A launch after the month gives 0.
    /// </summary>
    /// <remarks>NOTE: ramps and a launch inside the month are not applied, so a ramping feature's expected
    /// tasks are overstated and its factor understated.</remarks>
    private static double ExpectedTasks(Scenario scenario, CohortSpec cohort, CohortFeatureSpec use, DateOnly month)
    {
        if (use.Launch is { } launch && launch >= month.AddMonths(1))
        {
            return 0;
        }

        var months = RecalibrationRun.MonthsBetween(scenario.StartMonth, month);
        var users = cohort.Users.Mean * Math.Pow(1 + cohort.MonthlyGrowth.Mean, months);
        return users * use.Adoption.Mean * use.TasksPerActiveUser.Mean;
    }
}
