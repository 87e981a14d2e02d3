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
// wall time per stage and the peak working set. With --engine core (the default) it runs the core
// engine alone; with --engine grains it runs the same forecast through the grains on --silos silos in
// this process, as `tokencast forecast` does.
// Usage: Tokencast.Benchmarks [TRIALS] [--engine core|grains] [--threads N] [--silos N] [--block-size N]
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
    await using var cluster = await EmbeddedCluster.StartAsync(silos);
    Console.WriteLine($"  start {silos} silos: {stage.Elapsed.TotalSeconds:F2} s");
    stage.Restart();
    result = await new ForecastRunner(cluster.Grains).RunAsync(definition);
    Console.WriteLine($"  run through the grains: {stage.Elapsed.TotalSeconds:F2} s");
}
else
{
    var document = ScenarioReader.ReadFile(file);
    plan = ScenarioCompiler.Compile(document);
    Console.WriteLine($"parse and compile: {stage.Elapsed.TotalSeconds:F2} s");
    var progress = new StageTimer();
    result = new ForecastEngine(plan, new EngineOptions(trials, 2027, MaxDegreeOfParallelism: threads)).Run(progress);
    progress.Finish();
}

total.Stop();

var cells = (long)trials * plan.Months * plan.Branches.Sum(b => b.Features.Count * b.Cohorts.Count);
Console.WriteLine(
    $"reference scenario ({engine}): {plan.Branches[0].Features.Count} features x {plan.Branches[0].Cohorts.Count} cohorts, "
    + $"{plan.Months} months, {plan.Branches.Count} branches, {trials} trials ({cells:N0} feature-cohort-months)");
Console.WriteLine($"wall {total.Elapsed.TotalSeconds:F1} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
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
