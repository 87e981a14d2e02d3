namespace Tokencast.Grains;

/// <summary>
/// One feature of a run in one lane, keyed "run/lane/feature". For each block of trials it is given, it
/// simulates the feature's token use and cost under its models, routing and agent loops, for the demand
/// of every cohort in every branch.
/// </summary>
[Alias("tokencast.IFeatureGrain")]
public interface IFeatureGrain : IGrainWithStringKey
{
    /// <summary>Simulates one block of trials for the cohorts' demand in it.</summary>
    [Alias("Simulate")]
    [ResponseTimeout(BlockCall.Timeout)]
    Task<FeatureResult> Simulate(RunDefinition definition, TrialBlock block, CohortDemand demand);

    /// <summary>Lets the grain go once the run is over.</summary>
    [Alias("Release")]
    Task Release();
}
