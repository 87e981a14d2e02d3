using System.Diagnostics;
using System.Globalization;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Planning;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

// Forecasts the large reference scenario (40 features x 25 cohorts, 24 months, 3 branches) through the
// same path as `tokencast forecast` (parse, compile, simulate, summarise) and prints wall time per stage
// and the peak working set. Usage: Tokencast.Benchmarks [TRIALS] [THREADS]
var trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : -1;

var total = Stopwatch.StartNew();
var file = Path.Combine(Path.GetTempPath(), "tokencast-reference-large.yaml");
File.WriteAllText(file, ReferenceScenario.Yaml());

var stage = Stopwatch.StartNew();
var document = ScenarioReader.ReadFile(file);
var plan = ScenarioCompiler.Compile(document);
Console.WriteLine($"parse and compile: {stage.Elapsed.TotalSeconds:F2} s");

var progress = new StageTimer();
var result = new ForecastEngine(plan, new EngineOptions(trials, 2027, MaxDegreeOfParallelism: threads)).Run(progress);
progress.Finish();
total.Stop();

var cells = (long)trials * plan.Months * plan.Branches.Sum(b => b.Features.Count * b.Cohorts.Count);
Console.WriteLine(
    $"reference scenario: {plan.Branches[0].Features.Count} features x {plan.Branches[0].Cohorts.Count} cohorts, "
    + $"{plan.Months} months, {plan.Branches.Count} branches, {trials} trials ({cells:N0} feature-cohort-months)");
Console.WriteLine($"wall {total.Elapsed.TotalSeconds:F1} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
Console.WriteLine($"baseline P50 of the last month: {result.Branches[0].Total.Monthly[^1].Band.P50:F0} USD");

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
