using Tokencast.Core.Forecasting;
using Tokencast.Core.Inputs;
using Tokencast.Core.Planning;
using Tokencast.Core.Quality;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Levers;

/// <summary>
/// Costs one task of a feature, possibly changed, in the scenario's first month as the forecast engine
/// does. It compiles the base scenario with the feature replaced and builds the task-cost pool of each
/// regime in effect that month, from the same stream as a forecast with the same seed. The regimes are
/// mixed by their share of the month and scaled by the month's mean price trend factor.
/// </summary>
internal sealed class TaskCostEstimator
{
    private readonly Scenario _scenario;
    private readonly string? _catalogFile;
    private readonly IInputFiles _files;
    private readonly EngineOptions _options;
    private readonly Dictionary<string, TaskCostPool> _pools = new(StringComparer.Ordinal);

    public TaskCostEstimator(Scenario scenario, string? catalogFile, IInputFiles files, EngineOptions options)
    {
        _scenario = scenario;
        _catalogFile = catalogFile;
        _files = files;
        _options = options;
    }

    /// <summary>Returns the mean, P10, P50 and P90 of one task's cost of <paramref name="feature"/>.</summary>
    /// <exception cref="InvalidInputException">The changed scenario does not compile, such as a missing price.</exception>
    public CostPerTaskBand Estimate(FeatureSpec feature)
    {
        var index = _scenario.Features.ToList().FindIndex(f => f.Id == feature.Id);
        var features = _scenario.Features.ToList();
        features[index] = feature;
        var scenario = _scenario with { Features = features };
        var document = new ScenarioDocument(scenario, [new ScenarioBranch("base", null, scenario, [])], []);
        var plan = ScenarioCompiler.Compile(document, null, _catalogFile, _files);
        var branch = plan.Branches[0];
        var featurePlan = branch.Features[index];
        var trends = TrialAssumptions.MeanTrendFactors(branch, plan.Months, _options.Seed, _options.Trials);

        var mean = 0.0;
        var mixture = new List<(TaskCostPool Pool, double Weight, double Factor)>();
        foreach (var segment in featurePlan.Months[0])
        {
            var regime = featurePlan.Regimes[segment.Regime];
            var pool = Pool(featurePlan, regime);
            var factor = BandSummary.TrendFactor(pool, regime.CostLines, trends, 0, plan.Months);
            mean += segment.ShareOfMonth * pool.Mean * factor;
            mixture.Add((pool, segment.ShareOfMonth, factor));
        }

        return new CostPerTaskBand(
            mean,
            BandSummary.MixtureQuantile(mixture, 0.1),
            BandSummary.MixtureQuantile(mixture, 0.5),
            BandSummary.MixtureQuantile(mixture, 0.9));
    }

    // Points that run the same task model, such as the current point and its tier, share one pool.
    private TaskCostPool Pool(FeaturePlan feature, TaskRegime regime)
    {
        var key = ForecastEngine.PoolKey(feature, regime);
        if (!_pools.TryGetValue(key, out var pool))
        {
            pool = ForecastEngine.BuildPool(key, regime.Model, _options);
            _pools[key] = pool;
        }

        return pool;
    }
}
