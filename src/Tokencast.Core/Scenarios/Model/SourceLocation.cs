namespace Tokencast.Core.Scenarios;

/// <summary>Position of a value in a scenario file.</summary>
/// <param name="File">Path of the scenario file, or null when the text did not come from a file.</param>
/// <param name="Line">1-based line of the value.</param>
/// <param name="Path">Path of the value in the document, such as <c>features[2].agent.steps</c>.</param>
public sealed record SourceLocation(string? File, long Line, string Path)
{
    /// <summary>Formats the location as <c>file:line: path</c>.</summary>
    public override string ToString() => File is null ? $"line {Line}: {Path}" : $"{File}:{Line}: {Path}";
}
