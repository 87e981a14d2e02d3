using Tokencast.Core.Quality;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Levers;

/// <summary>
/// Looks up the quality of a feature's configuration in the eval results. A model is found under the
/// name the scenario writes, or, for a tier, under the model the tier names.
/// </summary>
internal static class FeatureQuality
{
    /// <summary>Returns the quality of the feature as written, or null with the reason.</summary>
    public static (EvalQuality? Quality, string? Reason) Of(FeatureSpec feature, Scenario scenario)
    {
        if (feature.Routing?.Cascade is not { } cascade)
        {
            return OfModel(feature.Id, feature.Model!, scenario);
        }

        if (cascade.Threshold is not { } threshold)
        {
            return (null, "the cascade gives escalation_rate, so the eval items cannot tell which tasks escalate; "
                + "write confidence and threshold to rate it");
        }

        var (evaluation, reason) = Cascade(feature.Id, cascade, scenario);
        return evaluation is null ? (null, reason) : (evaluation.At(threshold).Quality, null);
    }

    /// <summary>Returns the quality of one model or variant name on a feature, or null with the reason.</summary>
    public static (EvalQuality? Quality, string? Reason) OfModel(string featureId, string model, Scenario scenario)
    {
        if (Find(featureId, scenario, out var results) is { } missing)
        {
            return (null, missing);
        }

        var name = EvalName(results!, model, scenario);
        return name is null
            ? (null, $"the eval results have no model '{model}' for feature '{featureId}'")
            : (results!.Models[name], null);
    }

    /// <summary>Pairs the per-item results of a cascade's two models, or returns why that is not possible.</summary>
    public static (CascadeEvaluation? Evaluation, string? Reason) Cascade(
        string featureId, CascadeSpec cascade, Scenario scenario)
    {
        if (Find(featureId, scenario, out var results) is { } missing)
        {
            return (null, missing);
        }

        var cheap = EvalName(results!, cascade.Cheap, scenario) ?? cascade.Cheap;
        var strong = EvalName(results!, cascade.Strong, scenario) ?? cascade.Strong;
        try
        {
            return (CascadeEvaluation.Create(scenario.Quality!.Evals, featureId, cheap, strong), null);
        }
        catch (InvalidInputException exception)
        {
            return (null, string.Join("; ", exception.Problems.Select(problem => problem.Message)));
        }
    }

    private static string? Find(string featureId, Scenario scenario, out FeatureEvalResults? results)
    {
        results = null;
        if (scenario.Quality is not { } quality)
        {
            return "the scenario names no eval results; add quality: {evals: FILE}";
        }

        results = quality.Evals.Find(featureId);
        return results is null ? $"the eval results have no rows for feature '{featureId}'" : null;
    }

    // The name as written first, then the model a tier stands for.
    private static string? EvalName(FeatureEvalResults results, string model, Scenario scenario)
    {
        if (results.Models.ContainsKey(model))
        {
            return model;
        }

        return scenario.Tiers.TryGetValue(model, out var tierModel) && results.Models.ContainsKey(tierModel)
            ? tierModel
            : null;
    }
}
