using Tokencast.Core.Forecasting;
using Tokencast.Core.Inputs;
using Tokencast.Core.Planning;
using Tokencast.Core.Quality;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Levers;

/// <summary>
/// Forecasts a scenario as written and with extra <c>set</c> entries, with the same seed and trials, and
/// compares the two. Random streams are keyed by seed, trial and stable ids, so both runs draw the same
/// numbers for everything the change leaves alone (common random numbers), and the difference shows the
/// change rather than sampling noise.
/// </summary>
public static class WhatIf
{
    /// <summary>
    /// Applies <paramref name="overrides"/> after the scenario's own top-level <c>set</c>, runs both
    /// forecasts, and returns per branch the horizon spend before and after, and per feature the cost per
    /// task in the first month and, for changed features, the quality from the eval results.
    /// </summary>
    /// <remarks>
    /// NOTE: a changed feature's task-cost sample is keyed by its task model's text (ForecastEngine.PoolKey),
    /// so it is drawn afresh and the change includes that sample's noise. Unchanged features and trial-level
    /// draws are common to both runs. docs/levers.md gives the size of the noise.
    /// </remarks>
    /// <exception cref="InvalidInputException">
    /// An override has a bad path or value (the problem names <c>--set</c> and the path), the changed
    /// scenario does not compile, or a branch is not found.
    /// </exception>
    public static WhatIfResult Compare(
        ScenarioBundle bundle, IReadOnlyList<SetOverride> overrides, WhatIfOptions options)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(options);
        if (overrides.Count == 0)
        {
            throw new InvalidInputException(new InputProblem(SetOverride.Source, null, null, null,
                "no change given; add at least one PATH=VALUE, such as features.chat.model=budget"));
        }

        var files = new InMemoryInputFiles(bundle.Files);
        var before = bundle.Read();
        var branches = options.Branches is { Count: > 0 } names ? names : null;
        var beforePlan = ScenarioCompiler.Compile(before, branches, bundle.CatalogFile, files);
        var (after, afterPlan) = ReadChanged(bundle, files, overrides, branches);

        var engineOptions = new EngineOptions(options.Trials, options.Seed);
        var beforeRun = new ForecastEngine(beforePlan, engineOptions).Run();
        var afterRun = new ForecastEngine(afterPlan, engineOptions).Run();

        var compared = new List<BranchWhatIf>();
        for (var b = 0; b < beforeRun.Branches.Count; b++)
        {
            var name = beforeRun.Branches[b].Name;
            var features = CompareFeatures(
                beforePlan.Branches[b], afterPlan.Branches[b], beforeRun.Branches[b], afterRun.Branches[b],
                before.FindBranch(name)!.Scenario, after.FindBranch(name)!.Scenario, beforePlan.FirstMonth);
            compared.Add(new BranchWhatIf(
                name, beforeRun.Branches[b].Total.Horizon, afterRun.Branches[b].Total.Horizon, features));
        }

        return new WhatIfResult(before.Base.Name, beforePlan.FirstMonth, beforePlan.Months, options.Trials,
            options.Seed, [.. overrides], compared);
    }

    /// <summary>
    /// Reads and compiles the scenario with the overrides. The scenario as written compiles, so every problem
    /// here comes from an override: one that the reader cannot trace to its entry, such as an unknown model,
    /// is reported under <c>--set</c> with the path it has in the scenario, because its line is not in the file.
    /// </summary>
    private static (ScenarioDocument Document, SimulationPlan Plan) ReadChanged(
        ScenarioBundle bundle, InMemoryInputFiles files, IReadOnlyList<SetOverride> overrides,
        IReadOnlyList<string>? branches)
    {
        // NOTE: the changed scenario reads only the files the bundle captured, so a set that names another
        // file, such as a new empirical values file or eval results, fails with "file not found".
        try
        {
            var document = ScenarioReader.ReadFile(
                bundle.MainFile, s => CatalogCheck.UnknownModels(s, files), files, overrides);
            return (document, ScenarioCompiler.Compile(document, branches, bundle.CatalogFile, files));
        }
        catch (InvalidInputException exception)
        {
            throw new InvalidInputException(exception.Problems
                .Select(problem => problem.File == SetOverride.Source
                    ? problem
                    : problem with { File = SetOverride.Source, Line = null })
                .ToList());
        }
    }

    private static List<FeatureWhatIf> CompareFeatures(
        BranchPlan beforePlan,
        BranchPlan afterPlan,
        BranchForecast beforeRun,
        BranchForecast afterRun,
        Scenario beforeScenario,
        Scenario afterScenario,
        DateOnly firstMonth)
    {
        // A set may replace the whole feature list, so features are matched by id, not by position.
        var features = new List<FeatureWhatIf>();
        var ids = beforePlan.Features.Select(f => f.Id).Union(afterPlan.Features.Select(f => f.Id));
        foreach (var id in ids)
        {
            var planBefore = beforePlan.Features.FirstOrDefault(f => f.Id == id);
            var planAfter = afterPlan.Features.FirstOrDefault(f => f.Id == id);
            var changed = planBefore is null || planAfter is null
                || !Describe(planBefore).SequenceEqual(Describe(planAfter));
            var costBefore = beforeRun.CostPerTask.FirstOrDefault(c => c.Feature == id && c.Month == firstMonth);
            var costAfter = afterRun.CostPerTask.FirstOrDefault(c => c.Feature == id && c.Month == firstMonth);
            if (!changed)
            {
                features.Add(new FeatureWhatIf(id, false, costBefore, costAfter, null, null, null));
                continue;
            }

            var (qualityBefore, reasonBefore) = QualityOf(beforeScenario, id);
            var (qualityAfter, reasonAfter) = QualityOf(afterScenario, id);
            features.Add(new FeatureWhatIf(
                id, true, costBefore, costAfter, qualityBefore, qualityAfter, reasonBefore ?? reasonAfter));
        }

        return features;
    }

    private static (EvalQuality? Quality, string? Reason) QualityOf(Scenario scenario, string id) =>
        scenario.FindFeature(id) is { } feature
            ? FeatureQuality.Of(feature, scenario)
            : (null, $"the scenario has no feature '{id}' here");

    // A feature's task models over the horizon and the months they apply in; equal text means equal costs.
    private static IEnumerable<string> Describe(FeaturePlan feature) =>
        feature.Regimes.Select(regime => regime.Model.Describe())
            .Concat(feature.Months.SelectMany(month => month.Select(segment => segment.ToString())));
}
