using Tokencast.Core.Distributions;

namespace Tokencast.Core.Simulation;

/// <summary>A user cohort ready for simulation.</summary>
/// <param name="Id">The cohort id from the scenario.</param>
/// <param name="Users">Users in the first month, drawn per trial.</param>
/// <param name="MonthlyGrowth">Growth rate per month, drawn per trial and compounded: users(m) = users × (1 + g)^m.</param>
/// <param name="Features">Per feature of the branch (same order), the cohort's use of it, or null when it does not use it.</param>
public sealed record CohortPlan(string Id, UncertainNumber Users, UncertainNumber MonthlyGrowth, IReadOnlyList<CohortFeaturePlan?> Features);
