namespace Tokencast.Core.Scenarios;

/// <summary>Use of one feature by one cohort.</summary>
/// <param name="FeatureId">Id of the feature.</param>
/// <param name="Adoption">Share of the cohort's users active on the feature, in [0, 1].</param>
/// <param name="TasksPerActiveUser">Tasks per active user per month.</param>
/// <param name="Launch">First day with tasks, or null when the feature is live from the start month.</param>
/// <param name="RampMonths">Months of linear adoption ramp after launch; 0 means full adoption at once.</param>
/// <param name="Source">Location of the entry.</param>
public sealed record CohortFeatureSpec(
    string FeatureId,
    UncertainValue Adoption,
    UncertainValue TasksPerActiveUser,
    DateOnly? Launch,
    int RampMonths,
    SourceLocation Source);
