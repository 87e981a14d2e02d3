using System.Diagnostics;
using System.Globalization;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Planning;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;
using Tokencast.Grains;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Runs;

// Forecasts the large reference scenario (40 features x 25 cohorts, 24 months, 3 branches) and prints
// wall time per stage and the peak working set. --engine core (the default) runs the core engine
// alone. --engine grains runs the same forecast through the grains on --silos silos in this process,
// as `tokencast forecast` does. --sensitivity (core engine only) keeps the trial totals and ranks every
// branch's uncertain assumptions after the run, as `tokencast forecast --sensitivity` does in its second run.
// Usage: Tokencast.Benchmarks [TRIALS] [--engine core|grains] [--threads N] [--silos N] [--block-size N]
//        [--sensitivity]
var trials = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var engine = Option("--engine") ?? "core";
var threads = int.Parse(Option("--threads") ?? "-1", CultureInfo.InvariantCulture);
var silos = int.Parse(Option("--silos") ?? "1", CultureInfo.InvariantCulture);
var blockSize = int.Parse(Option("--block-size") ?? RunDefinition.DefaultBlockSize.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

var total = Stopwatch.StartNew();
var file = Path.Combine(Path.GetTempPath(), "tokencast-reference-large.yaml");
File.WriteAllText(file, ReferenceScenario.Yaml());

var stage = Stopwatch.StartNew();
ForecastResult result;
SimulationPlan plan;
if (engine == "grains")
{
    var (input, _) = ScenarioInputs.Capture(file);
    var definition = new RunDefinition(input, [], trials, 2027, RunMode.Aggregated, new EngineOptions().PoolTargetRelativeError, blockSize);
    plan = ScenarioInputs.Compile(input, []);
    Console.WriteLine($"parse and compile: {stage.Elapsed.TotalSeconds:F2} s");
    stage.Restart();
    var lanesPerSilo = Option("--lanes-per-silo") is { } lanes ? int.Parse(lanes, CultureInfo.InvariantCulture) : (int?)null;
    await using var cluster = await EmbeddedCluster.StartAsync(
        silos, runOptions: options => options.LanesPerSilo = lanesPerSilo ?? options.LanesPerSilo);
    Console.WriteLine($"  start {silos} silos: {stage.Elapsed.TotalSeconds:F2} s");
    stage.Restart();
    result = await new ForecastRunner(cluster.Grains).RunAsync(definition);
    Console.WriteLine($"  run through the grains: {stage.Elapsed.TotalSeconds:F2} s");
}
else if (engine == "features")
{
    // The grains' split of the work (cohort demand, features one by one, lanes summing features) without
    // Orleans: shows what the split itself costs.
    plan = ScenarioCompiler.Compile(ScenarioReader.ReadFile(file));
    Console.WriteLine($"parse and compile: {stage.Elapsed.TotalSeconds:F2} s");
    stage.Restart();
    var options = new EngineOptions(trials, 2027);
    var pools = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<TaskCostPool>>();
    TaskCostPool Pool(FeaturePlan feature, TaskRegime regime)
    {
        var key = ForecastEngine.PoolKey(feature, regime);
        return pools.GetOrAdd(key, _ => new Lazy<TaskCostPool>(() => ForecastEngine.BuildPool(key, regime.Model, options))).Value;
    }

    var featureIds = plan.Branches.SelectMany(b => b.Features.Select(f => f.Id)).Distinct().ToList();
    var cohortIds = plan.Branches.SelectMany(b => b.Cohorts.Select(c => c.Id)).Distinct().ToList();
    var samples = plan.Branches.Select(b => new BranchSamples(b.Features.Count, b.Cohorts.Count, b.CostLines.Count, plan.Months, 0, trials)).ToArray();
    var blocks = (trials + blockSize - 1) / blockSize;
    double featureSeconds = 0, cohortSeconds = 0, sumSeconds = 0;
    Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => (
        Features: featureIds.Select(id => new FeatureSimulator(plan, id, options, Pool)).ToList(),
        Cohorts: cohortIds.Select(id => new CohortSimulator(plan, id, options)).ToList()), (block, _, lane) =>
    {
        var first = block * blockSize;
        var count = Math.Min(blockSize, trials - first);
        var watch = Stopwatch.StartNew();
        var drawn = cohortIds.Select((id, i) => (id, lane.Cohorts[i].Simulate(first, count))).ToDictionary(p => p.id, p => p.Item2);
        var demand = plan.Branches.Select((branch, b) => (IReadOnlyList<CohortBlock?>)[.. branch.Cohorts.Select(c => drawn[c.Id][b])]).ToList();
        var cohortTime = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var results = featureIds.Select((id, i) => (id, lane.Features[i].Simulate(first, count, demand))).ToDictionary(p => p.id, p => p.Item2);
        var featureTime = watch.Elapsed.TotalSeconds;
        watch.Restart();
        for (var b = 0; b < plan.Branches.Count; b++)
        {
            var branch = plan.Branches[b];
            var sums = new BlockSums(branch.Features.Count, branch.Cohorts.Count, branch.CostLines.Count, plan.Months, first, count);
            for (var f = 0; f < branch.Features.Count; f++)
            {
                sums.AddFeature(f, results[branch.Features[f].Id][b]!);
            }

            sums.CopyTo(samples[b]);
        }

        lock (samples)
        {
            cohortSeconds += cohortTime;
            featureSeconds += featureTime;
            sumSeconds += watch.Elapsed.TotalSeconds;
        }

        return lane;
    }, _ => { });
    Console.WriteLine($"  simulate: {stage.Elapsed.TotalSeconds:F2} s wall (cohorts {cohortSeconds:F1} s, features {featureSeconds:F1} s, sums {sumSeconds:F1} s of thread time)");
    stage.Restart();
    var summaries = plan.Branches.Select((branch, b) => BandSummary.Summarise(
        plan, branch, [.. branch.Features.Select(f => f.Regimes.Select(r => Pool(f, r)).ToArray())], samples[b], options.Seed)).ToList();
    result = new ForecastResult(plan.Name, plan.FirstMonth, plan.Months, trials, options.Seed, summaries);
    Console.WriteLine($"  summarise: {stage.Elapsed.TotalSeconds:F2} s");
}
else
{
    var document = ScenarioReader.ReadFile(file);
    plan = ScenarioCompiler.Compile(document);
    Console.WriteLine($"parse and compile: {stage.Elapsed.TotalSeconds:F2} s");
    var progress = new StageTimer();
    var options = new EngineOptions(trials, 2027, MaxDegreeOfParallelism: threads);
    if (args.Contains("--sensitivity"))
    {
        result = new ForecastEngine(plan, options with { KeepTrialTotals = true }).Run(progress);
        progress.Finish();
        stage.Restart();
        var ranking = plan.Branches
            .Select((branch, b) => ForecastSensitivity.Analyse(branch, options.Seed, result.TrialTotals![b]))
            .ToList();
        Console.WriteLine(
            $"  ranking {ranking.Sum(r => r.Inputs.Count)} assumptions of {ranking.Count} branches: "
            + $"{stage.Elapsed.TotalSeconds:F2} s; baseline first: {ranking[0].Inputs[0].Input}");
    }
    else
    {
        result = new ForecastEngine(plan, options).Run(progress);
        progress.Finish();
    }
}

total.Stop();

var cells = (long)trials * plan.Months * plan.Branches.Sum(b => b.Features.Count * b.Cohorts.Count);
Console.WriteLine(
    $"reference scenario ({engine}): {plan.Branches[0].Features.Count} features x {plan.Branches[0].Cohorts.Count} cohorts, "
    + $"{plan.Months} months, {plan.Branches.Count} branches, {trials} trials ({cells:N0} feature-cohort-months)");
var process = Process.GetCurrentProcess();
Console.WriteLine(
    $"wall {total.Elapsed.TotalSeconds:F1} s, CPU {process.TotalProcessorTime.TotalSeconds:F1} s, peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB, "
    + $"allocated {GC.GetTotalAllocatedBytes() / 1073741824.0:F1} GiB in {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1 and {GC.CollectionCount(2)} gen2 collections");
Console.WriteLine($"baseline P50 of the last month: {result.Branches[0].Total.Monthly[^1].Band.P50:R} USD");

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

/// <summary>Prints how long each stage of the engine took.</summary>
internal sealed class StageTimer : IProgress<ForecastProgress>
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private string _stage = "";

    public void Report(ForecastProgress value)
    {
        var stage = $"{value.Branch}: {value.Stage}";
        lock (_watch)
        {
            if (stage != _stage)
            {
                Finish();
                _stage = stage;
            }
        }
    }

    public void Finish()
    {
        if (_stage.Length > 0)
        {
            Console.WriteLine($"  {_stage}: {_watch.Elapsed.TotalSeconds:F2} s");
        }

        _watch.Restart();
    }
}
