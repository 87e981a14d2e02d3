namespace Tokencast.Core.Scenarios;

/// <summary>A feature's system prompt or tool definitions change size.</summary>
/// <param name="Date">Day of the change.</param>
/// <param name="FeatureId">Feature whose prompt changes.</param>
/// <param name="SystemPromptTokens">New system prompt size, or null when unchanged.</param>
/// <param name="ToolDefinitionTokens">New tool definition size, or null when unchanged.</param>
/// <param name="Source">Location of the event.</param>
public sealed record PromptChangeEvent(
    DateOnly Date,
    string FeatureId,
    long? SystemPromptTokens,
    long? ToolDefinitionTokens,
    SourceLocation Source) : EventSpec(Date, Source)
{
    /// <inheritdoc/>
    public override string Kind => "prompt_change";
}
