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
public sealed record CohortFeaturePlan(UncertainNumber Adoption, UncertainNumber TasksPerActiveUser, IReadOnlyList<double> AvailableShare);
