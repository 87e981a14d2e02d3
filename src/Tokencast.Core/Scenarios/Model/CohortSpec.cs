namespace Tokencast.Core.Scenarios;

/// <summary>A group of users with its own size, growth and feature use.</summary>
/// <param name="Id">Cohort id.</param>
/// <param name="Users">Users at the start month.</param>
/// <param name="MonthlyGrowth">Growth rate per month, compounded, greater than -1.</param>
/// <param name="Features">Use of each feature by this cohort.</param>
/// <param name="Source">Location of the cohort.</param>
public sealed record CohortSpec(
    string Id,
    UncertainValue Users,
    UncertainValue MonthlyGrowth,
    IReadOnlyList<CohortFeatureSpec> Features,
    SourceLocation Source);
