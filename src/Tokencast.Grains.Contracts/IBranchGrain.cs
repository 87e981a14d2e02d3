using Orleans.Concurrency;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains;

/// <summary>
/// The aggregator of one branch of a run, keyed "run/branch index": keeps every trial's sums as blocks
/// arrive and takes percentiles over them, partial while the run goes on and final at the end.
/// </summary>
[Alias("tokencast.IBranchGrain")]
public interface IBranchGrain : IGrainWithStringKey
{
    /// <summary>Stores one block of trials (passed without a copy on the same silo); a block already held is ignored.</summary>
    [Alias("AddBlock")]
    Task AddBlock(RunDefinition definition, TrialBlock block, Immutable<BranchSamples> samples);

    /// <summary>Returns the blocks held, which is fewer than sent when the aggregator's silo was lost.</summary>
    [Alias("GetHeldBlocks")]
    Task<HeldBlocks> GetHeldBlocks();

    /// <summary>Returns the bands of total spend over the trials held.</summary>
    [Alias("GetProgress")]
    Task<BranchProgress?> GetProgress();

    /// <summary>
    /// Summarises the first <paramref name="trials"/> trials into the branch's forecast, once every block
    /// of them is held: all of the run's trials, or fewer for a run stopped at convergence.
    /// </summary>
    [Alias("Summarise")]
    [ResponseTimeout(BlockCall.Timeout)]
    Task<BranchForecast> Summarise(RunDefinition definition, int trials);

    /// <summary>Drops the samples and lets the grain go.</summary>
    [Alias("Release")]
    Task Release();
}
