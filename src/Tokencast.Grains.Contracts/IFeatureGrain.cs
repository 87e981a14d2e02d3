namespace Tokencast.Grains;

/// <summary>
/// One feature of a run in one lane, keyed "run/lane/feature": simulates the feature's token use and cost
/// in every cohort and branch for the blocks of trials it is given.
/// </summary>
[Alias("tokencast.IFeatureGrain")]
public interface IFeatureGrain : IGrainWithStringKey
{
    /// <summary>Simulates one block of trials.</summary>
    [Alias("Simulate")]
    Task<FeatureResult> Simulate(RunDefinition definition, TrialBlock block);

    /// <summary>Lets the grain go once the run is over.</summary>
    [Alias("Release")]
    Task Release();
}
