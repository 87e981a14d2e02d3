namespace Tokencast.Core.Scenarios;

/// <summary>A product surface with its task model: tokens per call, turns, agent loop, caching and routing.</summary>
/// <param name="Id">Feature id, made of <c>a-z</c>, <c>0-9</c>, <c>-</c> and <c>_</c>.</param>
/// <param name="Description">Free text, or null.</param>
/// <param name="Model">Tier name, alias or model key every call uses, or null when routing decides.</param>
/// <param name="ServiceTier">Service tier of the calls.</param>
/// <param name="SystemPromptTokens">System prompt tokens paid on every call.</param>
/// <param name="ToolDefinitionTokens">Tool definition tokens paid on every call.</param>
/// <param name="InputTokens">New input tokens per call (per turn).</param>
/// <param name="OutputTokens">Output tokens per call.</param>
/// <param name="ReasoningTokens">Reasoning tokens per call, billed as reasoning output.</param>
/// <param name="Conversation">Multi-turn settings, or null for single-turn tasks.</param>
/// <param name="Agent">Agent loop settings, or null for tasks without a loop.</param>
/// <param name="Cache">Prompt caching settings, or null for no caching.</param>
/// <param name="Routing">Routing policy, or null when every call uses <paramref name="Model"/>.</param>
/// <param name="Source">Location of the feature.</param>
public sealed record FeatureSpec(
    string Id,
    string? Description,
    string? Model,
    ServiceTier ServiceTier,
    long SystemPromptTokens,
    long ToolDefinitionTokens,
    TokenDistributionSpec InputTokens,
    TokenDistributionSpec OutputTokens,
    TokenDistributionSpec ReasoningTokens,
    ConversationSpec? Conversation,
    AgentSpec? Agent,
    CacheSpec? Cache,
    RoutingSpec? Routing,
    SourceLocation Source)
{
    /// <summary>Variants listed under <c>variants</c>, in file order; empty when there are none.</summary>
    public IReadOnlyList<FeatureVariantSpec> Variants { get; init; } = [];
}
