namespace Tokencast.Core.History;

/// <summary>A scenario input file whose text differs between two versions.</summary>
/// <param name="File">
/// The file's path relative to the folder of the scenario file, with '/' separators, so that versions
/// recorded from different checkouts compare.
/// </param>
/// <param name="Status">Added, removed, or <see cref="DiffStatus.InBoth"/> for a file whose text changed.</param>
/// <param name="ChangedPaths">
/// For a YAML file in both versions, the paths of the values that differ (such as
/// <c>features[2].agent.retry_probability</c>), in document order; empty for other files or when either
/// text is not valid YAML.
/// </param>
/// <param name="LinesAdded">Lines of the newer text that the older text lacks, counted as a multiset.</param>
/// <param name="LinesRemoved">Lines of the older text that the newer text lacks, counted as a multiset.</param>
public sealed record InputFileChange(
    string File,
    DiffStatus Status,
    IReadOnlyList<string> ChangedPaths,
    int LinesAdded,
    int LinesRemoved);
