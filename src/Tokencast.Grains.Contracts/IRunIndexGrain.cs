using System.Collections.Immutable;

namespace Tokencast.Grains;

/// <summary>
/// The list of a service's runs, one grain keyed <see cref="RunIndex.Key"/>. It admits runs up to a
/// limit of runs going on at once and keeps at most <see cref="RunIndex.MaxEntries"/> entries in grain
/// storage. The grain handles one call at a time, so an admission cannot race another.
/// </summary>
[Alias("tokencast.IRunIndexGrain")]
public interface IRunIndexGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds <paramref name="entry"/>, or refreshes the entry of its run, as running, unless
    /// <paramref name="maxRunning"/> other runs are running already (the entry's own run does not count).
    /// Returns whether the run was admitted and how many runs are running, this one included when admitted.
    /// </summary>
    [Alias("Admit")]
    Task<RunAdmission> Admit(RunEntry entry, int maxRunning);

    /// <summary>Records that a run has finished; an unknown run id is ignored.</summary>
    [Alias("Finished")]
    Task Finished(string runId, RunState state, int? convergedAtTrials);

    /// <summary>Returns up to <paramref name="max"/> entries, the most recently started first.</summary>
    [Alias("List")]
    Task<ImmutableArray<RunEntry>> List(int max);
}
