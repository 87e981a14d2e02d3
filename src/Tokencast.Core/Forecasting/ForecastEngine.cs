using Tokencast.Core.Randomness;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Forecasting;

/// <summary>
/// Runs a Monte Carlo forecast of a compiled scenario: builds the task-cost distribution of every
/// regime, simulates every branch trial by trial, and summarises the trials into bands.
/// </summary>
/// <remarks>
/// The output depends only on the plan and <see cref="EngineOptions.Seed"/>: trials are simulated in
/// blocks on any number of threads, but every random stream is keyed by stable ids and every sum runs in
/// a fixed order.
/// </remarks>
public sealed class ForecastEngine
{
    private readonly SimulationPlan _plan;
    private readonly EngineOptions _options;
    private readonly Dictionary<string, TaskCostPool> _poolCache = new(StringComparer.Ordinal);

    /// <summary>Creates an engine for one plan and one set of options.</summary>
    public ForecastEngine(SimulationPlan plan, EngineOptions options)
    {
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Trials, 1);
    }

    /// <summary>Runs every branch and returns the forecast.</summary>
    public ForecastResult Run(IProgress<ForecastProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var branches = new List<BranchForecast>();
        var blocksPerBranch = (_options.Trials + EngineOptions.TrialBlockSize - 1) / EngineOptions.TrialBlockSize;
        var totalBlocks = (long)blocksPerBranch * _plan.Branches.Count;
        long doneBlocks = 0;

        foreach (var branch in _plan.Branches)
        {
            progress?.Report(new ForecastProgress("sampling task costs", branch.Name, doneBlocks, totalBlocks));
            var pools = BuildPools(branch);
            var simulator = new BranchSimulator(branch, _plan.Months, _options.Seed, _options.Mode, pools);
            var samples = SimulateTrials(branch, simulator, blocksPerBranch, () =>
            {
                var done = Interlocked.Increment(ref doneBlocks);
                progress?.Report(new ForecastProgress("simulating", branch.Name, done, totalBlocks));
            }, cancellationToken);

            progress?.Report(new ForecastProgress("summarising", branch.Name, doneBlocks, totalBlocks));
            branches.Add(BandSummary.Summarise(_plan, branch, pools, samples, _options.MaxDegreeOfParallelism));
        }

        return new ForecastResult(_plan.Name, _plan.FirstMonth, _plan.Months, _options.Trials, _options.Seed, branches);
    }

    /// <summary>
    /// Builds (or reuses) the task-cost pool of every regime of a branch. A pool is keyed by its feature
    /// and the full text of its task model, so branches that leave a feature unchanged share its pool and
    /// its random numbers.
    /// </summary>
    public TaskCostPool[][] BuildPools(BranchPlan branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        var pools = new TaskCostPool[branch.Features.Count][];
        for (var f = 0; f < branch.Features.Count; f++)
        {
            var feature = branch.Features[f];
            pools[f] = new TaskCostPool[feature.Regimes.Count];
            for (var r = 0; r < feature.Regimes.Count; r++)
            {
                var description = feature.Regimes[r].Model.Describe();
                var cacheKey = feature.Id + "\n" + description;
                if (!_poolCache.TryGetValue(cacheKey, out var pool))
                {
                    var key = StreamKey.Combine(_options.Seed, StreamKey.Of("pool", feature.Id, description));
                    pool = TaskCostPool.Build(feature.Regimes[r].Model, key, targetRelativeError: _options.PoolTargetRelativeError);
                    _poolCache[cacheKey] = pool;
                }

                pools[f][r] = pool;
            }
        }

        return pools;
    }

    private BranchSamples SimulateTrials(
        BranchPlan branch, BranchSimulator simulator, int blocks, Action blockDone, CancellationToken cancellationToken)
    {
        var samples = new BranchSamples(
            branch.Features.Count, branch.Cohorts.Count, branch.CostLines.Count, _plan.Months, 0, _options.Trials);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };

        Parallel.For(0, blocks, parallel, block =>
        {
            var first = block * EngineOptions.TrialBlockSize;
            var count = Math.Min(EngineOptions.TrialBlockSize, _options.Trials - first);
            simulator.Simulate(first, count, samples);
            blockDone();
        });

        return samples;
    }
}
