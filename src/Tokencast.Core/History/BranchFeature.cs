namespace Tokencast.Core.History;

/// <summary>A feature of a branch.</summary>
/// <param name="Branch">The branch name.</param>
/// <param name="Feature">The feature id.</param>
public sealed record BranchFeature(string Branch, string Feature);
