using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains;

/// <summary>
/// Everything a run's output depends on: the scenario with its files, the branches, trials and seed.
/// The block size only sets how the work is split and does not change the output.
/// </summary>
/// <remarks>
/// A run that stops at convergence (<see cref="StopWhenConverged"/>) keeps the first N trials of the same
/// random streams, because every trial's draws are keyed by the seed and the trial number. Its bands are
/// therefore equal to those of a full run of N trials with the same seed, and its result's trial count
/// is N.
/// </remarks>
/// <param name="Scenario">The scenario and the files it reads.</param>
/// <param name="Branches">Branches to run in this order; empty for every branch of the scenario.</param>
/// <param name="Trials">Trials per branch.</param>
/// <param name="Seed">Run seed.</param>
/// <param name="Mode">How tasks are summed per month.</param>
/// <param name="PoolTargetRelativeError">Relative standard error at which a task-cost sample stops growing.</param>
/// <param name="BlockSize">Trials per block of work.</param>
/// <param name="Tolerance">
/// Relative standard error that each reported percentile of every branch must reach for the run to count
/// as converged; 0 turns the check off. See <see cref="Convergence.IsConverged"/>.
/// </param>
/// <param name="StopWhenConverged">
/// Whether the run stops once converged, with the trials done by then, instead of running every trial.
/// </param>
[GenerateSerializer, Immutable, Alias("tokencast.run-definition.v1")]
public sealed record RunDefinition(
    [property: Id(0)] ScenarioInput Scenario,
    [property: Id(1)] ImmutableArray<string> Branches,
    [property: Id(2)] int Trials,
    [property: Id(3)] ulong Seed,
    [property: Id(4)] RunMode Mode,
    [property: Id(5)] double PoolTargetRelativeError,
    [property: Id(6)] int BlockSize,
    [property: Id(7)] double Tolerance = 0,
    [property: Id(8)] bool StopWhenConverged = false)
{
    /// <summary>Default trials per block: small enough for progress every fraction of a second.</summary>
    public const int DefaultBlockSize = 128;

    /// <summary>Largest block size accepted, so that no single call runs for minutes.</summary>
    public const int MaxBlockSize = 8192;

    /// <summary>Returns the engine options of the run.</summary>
    public EngineOptions EngineOptions() => new(
        Trials,
        Seed,
        Mode == RunMode.CallByCall ? SimulationMode.CallByCall : SimulationMode.Aggregated,
        MaxDegreeOfParallelism: 1,
        PoolTargetRelativeError: PoolTargetRelativeError);

    /// <summary>
    /// Returns the id of the forecast this definition gives: a hash of everything the output depends on
    /// (not the block size), so the same inputs always name the same run. The convergence settings are
    /// hashed only when <see cref="Tolerance"/> is above 0, so definitions without them keep their ids.
    /// </summary>
    public string ForecastId()
    {
        var text = new StringBuilder()
            .Append(Scenario.ContentHash).Append('\n')
            .AppendJoin('\u001f', Branches).Append('\n')
            .Append(Trials.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Seed.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Mode.ToString()).Append('\n')
            .Append(PoolTargetRelativeError.ToString("R", CultureInfo.InvariantCulture));
        if (Tolerance > 0)
        {
            text.Append('\n')
                .Append(Tolerance.ToString("R", CultureInfo.InvariantCulture)).Append('\n')
                .Append(StopWhenConverged ? "stop" : "continue");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
