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
        CheckSampleSize(plan, options.Trials);
    }

    /// <summary>Memory the per-trial samples of all branches may take, in bytes (8 GiB).</summary>
    public const long MaxSampleBytes = 8L << 30;

    /// <summary>
    /// Rejects a trial count whose per-trial samples (every series and month of every branch, kept until
    /// the bands are taken) would not fit in <see cref="MaxSampleBytes"/> or in one .NET array.
    /// </summary>
    public static void CheckSampleSize(SimulationPlan plan, int trials)
    {
        ArgumentNullException.ThrowIfNull(plan);
        long ValuesPerTrial(BranchPlan b) =>
            (1L + b.Features.Count + b.Cohorts.Count + b.CostLines.Count + b.Features.Count) * plan.Months;

        var perTrial = plan.Branches.Sum(ValuesPerTrial);
        var largestArrayPerTrial = plan.Branches.Count == 0 ? 0 : plan.Branches.Max(ValuesPerTrial);
        if (perTrial == 0)
        {
            return;
        }

        var maxTrials = Math.Min(MaxSampleBytes / 8 / perTrial, Array.MaxLength / largestArrayPerTrial);
        if (trials > maxTrials)
        {
            throw new InvalidInputException(new InputProblem(
                null, null, "trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"this scenario keeps {perTrial:N0} values per trial, so at most {maxTrials:N0} trials fit in the "
                + $"{MaxSampleBytes >> 30} GiB allowed for per-trial samples; run fewer trials or fewer branches"));
        }
    }

    /// <summary>Runs every branch and returns the forecast.</summary>
    public ForecastResult Run(IProgress<ForecastProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var branches = _plan.Branches;
        var blocks = (_options.Trials + EngineOptions.TrialBlockSize - 1) / EngineOptions.TrialBlockSize;
        var pools = new TaskCostPool[branches.Count][][];
        for (var b = 0; b < branches.Count; b++)
        {
            progress?.Report(new ForecastProgress("sampling task costs", branches[b].Name, 0, blocks));
            pools[b] = BuildPools(branches[b]);
        }

        var first = branches.Count > 0 ? branches[0].Name : "";
        progress?.Report(new ForecastProgress("simulating", first, 0, blocks));
        var samples = SimulateTrials(pools, blocks, progress, cancellationToken);

        // Branches are summarised concurrently so that the serial parts of one overlap the others.
        progress?.Report(new ForecastProgress("summarising", first, blocks, blocks));
        var trialTotals = _options.KeepTrialTotals ? KeepTrialTotals(samples) : null;
        var forecasts = new BranchForecast[branches.Count];
        Parallel.For(0, branches.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism }, b =>
        {
            forecasts[b] = BandSummary.Summarise(
                _plan, branches[b], pools[b], samples[b], _options.Seed, _options.MaxDegreeOfParallelism);
            samples[b] = null!;
        });

        return new ForecastResult(_plan.Name, _plan.FirstMonth, _plan.Months, _options.Trials, _options.Seed, forecasts)
        {
            TrialTotals = trialTotals,
        };
    }

    /// <summary>Copies the total spend of every trial and month out of the samples, before they are summarised.</summary>
    private BranchTrialTotals[] KeepTrialTotals(BranchSamples[] samples)
    {
        var totals = new BranchTrialTotals[samples.Length];
        for (var b = 0; b < samples.Length; b++)
        {
            var monthly = new double[(long)_plan.Months * _options.Trials];
            for (var m = 0; m < _plan.Months; m++)
            {
                samples[b].Spend(BranchSamples.TotalSeries, m).CopyTo(monthly.AsSpan(m * _options.Trials, _options.Trials));
            }

            totals[b] = new BranchTrialTotals(_plan.Branches[b].Name, _plan.Months, _options.Trials, monthly);
        }

        return totals;
    }

    /// <summary>
    /// Builds (or reuses) the task-cost pool of every regime of a branch. A pool is keyed by its feature
    /// and the full text of its task model, so branches that leave a feature unchanged share its pool and
    /// its random numbers.
    /// </summary>
    public TaskCostPool[][] BuildPools(BranchPlan branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        var missing = new Dictionary<string, TaskModel>(StringComparer.Ordinal);
        foreach (var feature in branch.Features)
        {
            foreach (var regime in feature.Regimes)
            {
                var cacheKey = PoolKey(feature, regime);
                if (!_poolCache.ContainsKey(cacheKey))
                {
                    missing.TryAdd(cacheKey, regime.Model);
                }
            }
        }

        // Pools are independent, so they are sampled in parallel; each is keyed by its own stream.
        var built = new TaskCostPool[missing.Count];
        var work = missing.ToArray();
        Parallel.For(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism }, i =>
        {
            var (cacheKey, model) = work[i];
            built[i] = BuildPool(cacheKey, model, _options);
        });
        for (var i = 0; i < work.Length; i++)
        {
            _poolCache[work[i].Key] = built[i];
        }

        return branch.Features
            .Select(feature => feature.Regimes.Select(r => _poolCache[PoolKey(feature, r)]).ToArray())
            .ToArray();
    }

    /// <summary>
    /// Returns the key of a regime's task-cost pool: its feature and the full text of its task model. Regimes
    /// with the same key have the same pool in every branch and on every machine.
    /// </summary>
    public static string PoolKey(FeaturePlan feature, TaskRegime regime)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(regime);
        return feature.Id + "\n" + regime.Model.Describe();
    }

    /// <summary>Samples the task-cost pool of <paramref name="poolKey"/> from its own stream of the run seed.</summary>
    public static TaskCostPool BuildPool(string poolKey, TaskModel model, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(poolKey);
        ArgumentNullException.ThrowIfNull(options);
        var key = StreamKey.Combine(options.Seed, StreamKey.Of("pool", poolKey));
        return TaskCostPool.Build(model, key, targetRelativeError: options.PoolTargetRelativeError);
    }

    /// <summary>
    /// Simulates all branches trial by trial. The first branch stores every feature-cohort cell of the
    /// trial, and later branches replay the cells they share with it (see <see cref="CellReuse"/>), which
    /// gives the same numbers as simulating them again.
    /// </summary>
    private BranchSamples[] SimulateTrials(
        TaskCostPool[][][] pools, int blocks, IProgress<ForecastProgress>? progress, CancellationToken cancellationToken)
    {
        var branches = _plan.Branches;
        var simulators = branches
            .Select((branch, b) => new BranchSimulator(branch, _plan.Months, _options.Seed, _options.Mode, pools[b]))
            .ToArray();
        var reuse = branches
            .Select((branch, b) => b == 0 ? null : CellReuse.Find(branches[0], pools[0], branch, pools[b]))
            .ToArray();
        var sharedAssumptions = branches
            .Select((branch, b) => b == 0 ? null : SharedAssumptions.Find(branches[0], branch))
            .ToArray();
        var lineMaps = branches.Select(branch => CellReuse.MapCostLines(branches[0], branch)).ToArray();
        var samples = branches
            .Select(branch => new BranchSamples(
                branch.Features.Count, branch.Cohorts.Count, branch.CostLines.Count, _plan.Months, 0, _options.Trials))
            .ToArray();

        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        long doneBlocks = 0;
        // Working memory is made once per worker thread and reused for every block it takes.
        Parallel.For(
            0,
            blocks,
            parallel,
            () => new Worker(
                new StableRandom(0),
                [.. branches.Select(branch => new TrialAssumptions(branch, _plan.Months))],
                [.. simulators.Select(simulator => simulator.CreateScratch())],
                branches.Count > 1
                    ? new CellStore(branches[0].Features.Count * branches[0].Cohorts.Count, _plan.Months, branches[0].CostLines.Count)
                    : null),
            (block, _, worker) =>
            {
                var firstTrial = block * EngineOptions.TrialBlockSize;
                var lastTrial = Math.Min(_options.Trials, firstTrial + EngineOptions.TrialBlockSize);
                for (var trial = firstTrial; trial < lastTrial; trial++)
                {
                    for (var b = 0; b < branches.Count; b++)
                    {
                        var assumptions = worker.Assumptions[b];
                        assumptions.Draw(branches[b], _options.Seed, trial, worker.Random, worker.Assumptions[0], sharedAssumptions[b]);
                        worker.Scratch[b].Clear();

                        // The first branch saves its cells; a later branch replays from them only when it has
                        // the same shape, and otherwise simulates everything without touching the store.
                        var cells = b == 0 || reuse[b] is not null ? worker.Store : null;
                        simulators[b].SimulateTrial(trial, assumptions, worker.Random, worker.Scratch[b], cells, reuse[b], lineMaps[b]);
                        worker.Scratch[b].CopyTo(samples[b], trial);
                    }
                }

                var done = Interlocked.Increment(ref doneBlocks);
                progress?.Report(new ForecastProgress("simulating", branches[0].Name, done, blocks));
                return worker;
            },
            _ => { });

        return samples;
    }

    /// <summary>Per-thread working memory of the trial loop.</summary>
    private sealed record Worker(StableRandom Random, TrialAssumptions[] Assumptions, TrialScratch[] Scratch, CellStore? Store);
}
