using System.Collections.Concurrent;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Runs;

/// <summary>
/// The task-cost pools a silo has sampled, shared by every grain there that needs the same pool. A pool
/// depends only on its key, the seed and the target error, so any silo samples the same one.
/// </summary>
/// <remarks>
/// Pools are dropped oldest first once their values pass <see cref="MaxBytes"/>; a run that needs one
/// again samples it again, which costs time but gives the same numbers.
/// </remarks>
public sealed class PoolCache
{
    /// <summary>Memory the cached pools may take, in bytes (1 GiB).</summary>
    public const long MaxBytes = 1L << 30;

    private readonly ConcurrentDictionary<string, Lazy<TaskCostPool>> _pools = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Key, long Bytes)> _order = new();
    private long _bytes;

    /// <summary>Returns a pool source for <see cref="FeatureSimulator"/> and <see cref="BandSummary"/> under these options.</summary>
    public Func<FeaturePlan, TaskRegime, TaskCostPool> Source(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (feature, regime) => Get(feature, regime, options);
    }

    /// <summary>Returns the pools of every regime of every feature of a branch.</summary>
    public TaskCostPool[][] ForBranch(BranchPlan branch, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return [.. branch.Features.Select(f => f.Regimes.Select(r => Get(f, r, options)).ToArray())];
    }

    private TaskCostPool Get(FeaturePlan feature, TaskRegime regime, EngineOptions options)
    {
        var poolKey = ForecastEngine.PoolKey(feature, regime);
        var key = string.Join('\n', options.Seed, options.Mode, options.PoolTargetRelativeError.ToString("R"), poolKey);
        var entry = _pools.GetOrAdd(key, _ => new Lazy<TaskCostPool>(() => ForecastEngine.BuildPool(poolKey, regime.Model, options)));
        var created = !entry.IsValueCreated;
        var pool = entry.Value;
        if (created)
        {
            Account(key, pool);
        }

        return pool;
    }

    private void Account(string key, TaskCostPool pool)
    {
        var bytes = (long)pool.Count * (pool.LineCount + 1) * sizeof(double);
        _order.Enqueue((key, bytes));
        Interlocked.Add(ref _bytes, bytes);
        while (Interlocked.Read(ref _bytes) > MaxBytes && _order.TryDequeue(out var oldest))
        {
            if (_pools.TryRemove(oldest.Key, out _))
            {
                Interlocked.Add(ref _bytes, -oldest.Bytes);
            }
        }
    }
}
