namespace Tokencast.Grains;

/// <summary>
/// One lane of a run, keyed "run/lane". It simulates a block of trials by calling a cohort grain per
/// cohort for the demand and a feature grain per feature for the cost, both placed on the lane's silo.
/// It sums the features of each trial in feature order and hands each branch's block to its aggregator.
/// A run keeps several lanes busy, spread over the silos.
/// </summary>
[Alias("tokencast.ILaneGrain")]
public interface ILaneGrain : IGrainWithStringKey
{
    /// <summary>Simulates one block and delivers it to the branch aggregators.</summary>
    [Alias("SimulateBlock")]
    [ResponseTimeout(BlockCall.Timeout)]
    Task SimulateBlock(RunDefinition definition, TrialBlock block);

    /// <summary>Lets the lane and its feature grains go once the run is over.</summary>
    [Alias("Release")]
    Task Release();
}
