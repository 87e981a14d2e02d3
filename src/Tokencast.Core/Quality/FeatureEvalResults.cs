namespace Tokencast.Core.Quality;

/// <summary>The evaluation results of one feature: quality per model and, when given, per item.</summary>
/// <param name="Feature">Feature id as written in the results file.</param>
/// <param name="Models">Quality of each model, by model name.</param>
/// <param name="Items">Per-item results in file order; empty when the feature has only aggregate rows.</param>
/// <param name="Confidence">
/// Router confidence in the cheap model's response, by item id, for the items that have one.
/// </param>
public sealed record FeatureEvalResults(
    string Feature,
    IReadOnlyDictionary<string, EvalQuality> Models,
    IReadOnlyList<EvalItemResult> Items,
    IReadOnlyDictionary<string, double> Confidence)
{
    /// <summary>Returns the per-item results of one model, in file order.</summary>
    public IReadOnlyList<EvalItemResult> ItemsOf(string model) =>
        Items.Where(result => string.Equals(result.Model, model, StringComparison.Ordinal)).ToList();
}
