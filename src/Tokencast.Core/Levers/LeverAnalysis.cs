using Tokencast.Core.Inputs;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Levers;

/// <summary>
/// Finds the quality-cost levers of a scenario's features. The operating points of a feature are the
/// feature as written, each model tier, each cascade threshold of the eval items and each variant. Each
/// point gets the cost of one task and the quality the eval results give it, and the rated points give the
/// Pareto frontier, its knee and the moves from the current point.
/// </summary>
public static class LeverAnalysis
{
    /// <summary>
    /// Analyses the base scenario of <paramref name="bundle"/> (without branch overlays) in its first month.
    /// Each point's cost comes from the task-cost pool the forecast engine builds for that feature; no
    /// trial of the forecast runs.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The scenario is invalid, or <see cref="LeverOptions.Feature"/> names no feature of it.
    /// </exception>
    public static LeverReport Analyse(ScenarioBundle bundle, LeverOptions options)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Trials, 1);
        var scenario = bundle.Read().Base;
        var features = Select(scenario, options.Feature);

        var engineOptions = new EngineOptions(options.Trials, options.Seed);
        var costs = new TaskCostEstimator(
            scenario, bundle.CatalogFile, new InMemoryInputFiles(bundle.Files), engineOptions);
        var levers = features
            .Select(feature => new FeatureLeverBuilder(scenario, feature, costs, options).Build())
            .ToList();
        return new LeverReport(scenario.Name, scenario.StartMonth, options.Seed, scenario.Quality?.EvalsFile, levers);
    }

    private static List<FeatureSpec> Select(Scenario scenario, string? featureId)
    {
        if (featureId is null)
        {
            return [.. scenario.Features];
        }

        if (scenario.FindFeature(featureId) is { } feature)
        {
            return [feature];
        }

        var known = string.Join(", ", scenario.Features.Select(f => f.Id));
        throw new InvalidInputException(new InputProblem(scenario.SourceFile, null, "features", featureId,
            $"feature not found; the scenario has: {known}"));
    }
}
