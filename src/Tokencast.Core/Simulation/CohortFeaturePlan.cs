using Tokencast.Core.Distributions;

namespace Tokencast.Core.Simulation;

/// <summary>
/// How much one cohort uses one feature. Expected tasks in month m of a trial are
/// users(m) × adoption × tasks per active user × <see cref="AvailableShare"/>[m].
/// </summary>
/// <param name="Adoption">Share of the cohort's users active on the feature, drawn per trial.</param>
/// <param name="TasksPerActiveUser">Tasks per active user per month, drawn per trial.</param>
/// <param name="AvailableShare">Per month, the share of the month the feature is live times its adoption
/// ramp, in [0, 1]; 0 before launch.</param>
/// <param name="LiveFrom">Per month, the share of the month that passes before the feature goes live: 0 in a
/// month it is live throughout, the share of days before launch in the launch month. Tasks of a launch month
/// fall only on its live days, so its segments are weighted by their overlap with them. Null when the
/// feature is live from the first day of every month.</param>
public sealed record CohortFeaturePlan(
    UncertainNumber Adoption,
    UncertainNumber TasksPerActiveUser,
    IReadOnlyList<double> AvailableShare,
    IReadOnlyList<double>? LiveFrom = null);
