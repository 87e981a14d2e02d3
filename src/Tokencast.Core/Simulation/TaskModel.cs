using System.Globalization;
using System.Text;
using Tokencast.Core.Distributions;

namespace Tokencast.Core.Simulation;

/// <summary>
/// How one task of a feature turns into model calls: token distributions per call, the fixed prompt
/// paid on every call, multi-turn history, an agent loop, prompt caching and routing. Immutable, so one
/// model can be shared by every cohort and trial that uses it.
/// </summary>
public sealed record TaskModel
{
    /// <summary>Creates a task model that routes every call to one model.</summary>
    public TaskModel(
        ModelChoice model,
        TokenDistribution inputTokens,
        TokenDistribution outputTokens,
        TokenDistribution? reasoningTokens = null,
        double systemPromptTokens = 0,
        double toolDefinitionTokens = 0,
        ConversationModel? conversation = null,
        AgentLoopModel? agent = null,
        PromptCacheModel? cache = null,
        CascadeRouting? cascade = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputTokens);
        ArgumentNullException.ThrowIfNull(outputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(systemPromptTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(toolDefinitionTokens);

        Model = model;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        ReasoningTokens = reasoningTokens ?? TokenDistribution.Fixed(0);
        SystemPromptTokens = systemPromptTokens;
        ToolDefinitionTokens = toolDefinitionTokens;
        Conversation = conversation;
        Agent = agent;
        Cache = cache;
        Cascade = cascade;
    }

    /// <summary>The model calls go to when there is no cascade.</summary>
    public ModelChoice Model { get; init; }

    /// <summary>New input tokens per turn (the user's message or the document to process).</summary>
    public TokenDistribution InputTokens { get; init; }

    /// <summary>Output tokens per call, before the model's token efficiency.</summary>
    public TokenDistribution OutputTokens { get; init; }

    /// <summary>Reasoning tokens per call, billed as reasoning output and not sent back as context.</summary>
    public TokenDistribution ReasoningTokens { get; init; }

    /// <summary>System prompt tokens paid on every call.</summary>
    public double SystemPromptTokens { get; init; }

    /// <summary>Tool definition tokens paid on every call.</summary>
    public double ToolDefinitionTokens { get; init; }

    /// <summary>Multi-turn behaviour, or null for one turn per task.</summary>
    public ConversationModel? Conversation { get; init; }

    /// <summary>The agent loop run in each turn, or null for one call per turn.</summary>
    public AgentLoopModel? Agent { get; init; }

    /// <summary>Prompt caching, or null when the feature does not cache.</summary>
    public PromptCacheModel? Cache { get; init; }

    /// <summary>A cascade router, or null when every call goes to <see cref="Model"/>.</summary>
    public CascadeRouting? Cascade { get; init; }

    /// <summary>The models whose calls this task pays for, in cost-line order.</summary>
    public IReadOnlyList<ModelChoice> CalledModels() =>
        Cascade is null ? [Model] : [Cascade.Cheap, Cascade.Strong];

    /// <summary>A canonical text of every parameter, used to key random streams and cached pools.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"model={Model.Describe()};in={InputTokens.Describe()};");
        text.Append(CultureInfo.InvariantCulture, $"out={OutputTokens.Describe()};reason={ReasoningTokens.Describe()};");
        text.Append(CultureInfo.InvariantCulture, $"system={SystemPromptTokens:R};tools={ToolDefinitionTokens:R};");
        text.Append(CultureInfo.InvariantCulture, $"conv={Conversation?.Describe()};agent={Agent?.Describe()};");
        text.Append(CultureInfo.InvariantCulture, $"cache={Cache?.Describe()};route={Cascade?.Describe()}");
        return text.ToString();
    }
}
