namespace Tokencast.Host;

/// <summary>A scenario sent in a request: its YAML or JSON text and a file name to use in messages.</summary>
/// <param name="Name">File name used in messages, for example "platform.yaml".</param>
/// <param name="Text">The scenario text.</param>
public sealed record SubmittedScenario(string? Name, string Text);
