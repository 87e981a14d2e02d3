namespace Tokencast.Core.Quality;

/// <summary>The contents of an eval results file, grouped by feature.</summary>
/// <param name="Source">Path of the file the results were read from.</param>
/// <param name="Features">Results per feature, in order of first appearance in the file.</param>
public sealed record EvalResults(string Source, IReadOnlyList<FeatureEvalResults> Features)
{
    /// <summary>Returns the results of a feature, or null when the file has none for it.</summary>
    public FeatureEvalResults? Find(string feature) =>
        Features.FirstOrDefault(results => string.Equals(results.Feature, feature, StringComparison.Ordinal));
}
