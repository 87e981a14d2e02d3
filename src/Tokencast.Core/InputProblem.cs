namespace Tokencast.Core;

/// <summary>
/// One defect found in a user's input: where it is, which value, and what is allowed instead.
/// </summary>
/// <param name="File">Path of the input file, or null when the input did not come from a file.</param>
/// <param name="Line">1-based line in <paramref name="File"/>, or null when unknown.</param>
/// <param name="Path">Path of the value inside the document, such as <c>features[2].agent.retry_probability</c>.</param>
/// <param name="Value">The offending value as written, or null when the value is missing.</param>
/// <param name="Message">What is wrong and what is allowed, as a sentence.</param>
public sealed record InputProblem(string? File, long? Line, string? Path, string? Value, string Message)
{
    /// <summary>Formats the problem as <c>file:line: path: message (value: ...)</c>.</summary>
    public override string ToString()
    {
        var location = File is null ? "" : Line is null ? $"{File}: " : $"{File}:{Line}: ";
        var path = string.IsNullOrEmpty(Path) ? "" : $"{Path}: ";
        var value = Value is null ? "" : $" (value: {Value})";
        return $"{location}{path}{Message}{value}";
    }
}
