namespace Tokencast.Grains;

/// <summary>
/// One user cohort of a run in one lane, keyed "run/lane/cohort": draws the cohort's users per month and
/// its tasks per user for each feature, in every branch, for the blocks of trials it is given.
/// </summary>
[Alias("tokencast.ICohortGrain")]
public interface ICohortGrain : IGrainWithStringKey
{
    /// <summary>Draws one block of trials.</summary>
    [Alias("Simulate")]
    [ResponseTimeout(BlockCall.Timeout)]
    Task<CohortResult> Simulate(RunDefinition definition, TrialBlock block);

    /// <summary>Lets the grain go once the run is over.</summary>
    [Alias("Release")]
    Task Release();
}
