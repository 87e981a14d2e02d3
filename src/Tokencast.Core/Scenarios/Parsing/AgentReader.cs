using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads a feature's <c>agent</c> loop settings.</summary>
internal static class AgentReader
{
    private static readonly string[] Keys =
    [
        "steps", "tool_calls_per_step", "tool_output_tokens", "retry_probability", "max_attempts",
        "reflection_probability", "reflection_output_tokens", "tool_cost_usd", "human_escalation_probability",
        "human_escalation_cost_usd",
    ];

    /// <summary>Attempts per call when <c>max_attempts</c> is not given: the first try and two retries.</summary>
    private const int DefaultMaxAttempts = 3;

    public static AgentSpec? Read(YamlNode node, string path, ParseContext context)
    {
        if (MappingReader.Open(node, path, context, "agent settings", Keys) is not { } agent)
        {
            return null;
        }

        var problemsBefore = context.Problems.Count;
        var stepsNode = agent.Require("steps", "a count distribution such as {poisson: {mean: 6, min: 1}}");
        var steps = stepsNode is null ? null : CountDistributionReader.Read(stepsNode, agent.ChildPath("steps"), context);
        var toolCalls = ReadCount(agent, "tool_calls_per_step");
        var toolOutput = ReadTokens(agent, "tool_output_tokens");
        var retry = agent.Number("retry_probability", ValueRange.Probability) ?? 0;
        var maxAttempts = agent.Integer("max_attempts", ValueRange.PositiveInteger) ?? DefaultMaxAttempts;
        var reflection = agent.Number("reflection_probability", ValueRange.Probability) ?? 0;
        var reflectionOutput = ReadTokens(agent, "reflection_output_tokens");
        var toolCost = agent.Number("tool_cost_usd", ValueRange.Money) ?? 0;
        var escalation = agent.Number("human_escalation_probability", ValueRange.Probability) ?? 0;
        var escalationCost = agent.Number("human_escalation_cost_usd", ValueRange.Money) ?? 0;
        if (steps is null || context.Problems.Count > problemsBefore)
        {
            return null;
        }

        return new AgentSpec(steps, toolCalls, toolOutput, retry, (int)Math.Min(maxAttempts, int.MaxValue),
            reflection, reflectionOutput, toolCost, escalation, escalationCost, agent.Location);
    }

    private static CountDistributionSpec ReadCount(MappingReader agent, string key) =>
        (agent.Find(key) is { } node ? CountDistributionReader.Read(node, agent.ChildPath(key), agent.Context) : null)
        ?? CountDistributionSpec.Fixed(0, agent.Location);

    private static TokenDistributionSpec ReadTokens(MappingReader agent, string key) =>
        (agent.Find(key) is { } node ? TokenDistributionReader.Read(node, agent.ChildPath(key), agent.Context) : null)
        ?? TokenDistributionSpec.Fixed(0, agent.Location);
}
