using System.Diagnostics;
using Tokencast.Core.Distributions;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

var trials = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var prices = new CallPrices("m", [new CallPriceTier(0, 3e-6, 0.3e-6, 3.75e-6, 6e-6, 15e-6, 15e-6), new CallPriceTier(200_000, 6e-6, 0.6e-6, 7.5e-6, 12e-6, 22.5e-6, 22.5e-6)]);
var features = new List<FeaturePlan>();
for (var f = 0; f < 40; f++)
{
    var model = new TaskModel(new ModelChoice(prices), TokenDistribution.LogNormalWithMedianAndQuantile(400 + f * 10, 0.95, 4000), TokenDistribution.LogNormalWithMedianAndQuantile(200, 0.95, 1200), systemPromptTokens: 800, conversation: f % 2 == 0 ? new ConversationModel(CountDistribution.Geometric(3)) : null, agent: f % 5 == 0 ? new AgentLoopModel(CountDistribution.Poisson(4, 1), CountDistribution.Poisson(1), TokenDistribution.LogNormalWithMedianAndQuantile(500, 0.95, 5000), 0.1, 3) : null, cache: new PromptCacheModel(0.7));
    var later = model with { SystemPromptTokens = 1600 };
    features.Add(new FeaturePlan($"f{f}", [new TaskRegime(model, [0, 1, 2]), new TaskRegime(later, [0, 1, 2])], Enumerable.Range(0, 24).Select(m => (IReadOnlyList<MonthSegment>)(m < 12 ? [new MonthSegment(0, 1)] : [new MonthSegment(1, 1)])).ToArray()));
}
var cohorts = new List<CohortPlan>();
for (var c = 0; c < 25; c++)
{
    cohorts.Add(new CohortPlan($"c{c}", UncertainNumber.Constant(1000 * (c + 1)), UncertainNumber.Normal(0.03, 0.01), features.Select(_ => (CohortFeaturePlan?)new CohortFeaturePlan(UncertainNumber.Beta(4, 6), UncertainNumber.Uniform(5, 30), Enumerable.Repeat(1.0, 24).ToArray())).ToArray()));
}
var branches = new[] { "baseline", "growth", "stretch" }.Select(b => new BranchPlan(b, b, [], features, cohorts, ["m", "tools", "human"], [new PriceTrendPlan("t", UncertainNumber.Uniform(-0.03, 0), 0, [0])], Enumerable.Repeat<double?>(1e6, 24).ToArray(), 2e7)).ToArray();
var plan = new SimulationPlan("bench", new DateOnly(2027, 1, 1), 24, branches);
var watch = Stopwatch.StartNew();
var result = new ForecastEngine(plan, new EngineOptions(trials, 1)).Run(new Progress<ForecastProgress>(p => { }));
watch.Stop();
Console.WriteLine($"wall {watch.Elapsed.TotalSeconds:F1} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB, P50 month 24 {result.Branches[0].Total.Monthly[23].Band.P50:F0}");
var poolWatch = Stopwatch.StartNew();
var engine2 = new ForecastEngine(plan, new EngineOptions(trials, 2));
var pools = engine2.BuildPools(branches[0]);
Console.WriteLine($"pools {poolWatch.Elapsed.TotalSeconds:F1} s, sizes {string.Join(",", pools.Select(p => p[0].Count))}");
var sim = new BranchSimulator(branches[0], 24, 2, SimulationMode.Aggregated, pools);
sim.Simulate(0, 20);
var simWatch = Stopwatch.StartNew();
sim.Simulate(0, 200);
Console.WriteLine($"200 trials one thread {simWatch.Elapsed.TotalSeconds:F2} s = {simWatch.Elapsed.TotalMilliseconds * 1e6 / (200.0 * 1000 * 24):F1} ns per cell");
