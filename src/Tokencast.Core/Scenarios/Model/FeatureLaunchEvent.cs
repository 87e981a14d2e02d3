namespace Tokencast.Core.Scenarios;

/// <summary>A feature goes live for some or all cohorts.</summary>
/// <param name="Date">Launch day.</param>
/// <param name="FeatureId">Feature that launches.</param>
/// <param name="Cohorts">Cohort ids the launch applies to; empty means every cohort.</param>
/// <param name="Source">Location of the event.</param>
public sealed record FeatureLaunchEvent(
    DateOnly Date,
    string FeatureId,
    IReadOnlyList<string> Cohorts,
    SourceLocation Source) : EventSpec(Date, Source)
{
    /// <inheritdoc/>
    public override string Kind => "feature_launch";
}
