namespace Tokencast.Core.Scenarios;

/// <summary>Agent loop of a feature: each step is one call, tool output is appended to the context.</summary>
/// <param name="Steps">Steps per task, drawn per task.</param>
/// <param name="ToolCallsPerStep">Tool executions per step.</param>
/// <param name="ToolOutputTokens">Tokens each tool execution appends to the context.</param>
/// <param name="RetryProbability">Probability that a call fails; failed attempts are paid.</param>
/// <param name="MaxAttempts">Maximum attempts per call, at least 1.</param>
/// <param name="ReflectionProbability">Probability of an extra reflection call after a step.</param>
/// <param name="ReflectionOutputTokens">Output tokens of a reflection call.</param>
/// <param name="ToolCostUsd">Cost of one tool execution in USD.</param>
/// <param name="HumanEscalationProbability">Probability per task that a person takes over.</param>
/// <param name="HumanEscalationCostUsd">Cost of one human escalation in USD.</param>
/// <param name="Source">Location of the <c>agent</c> mapping.</param>
public sealed record AgentSpec(
    CountDistributionSpec Steps,
    CountDistributionSpec ToolCallsPerStep,
    TokenDistributionSpec ToolOutputTokens,
    double RetryProbability,
    int MaxAttempts,
    double ReflectionProbability,
    TokenDistributionSpec ReflectionOutputTokens,
    double ToolCostUsd,
    double HumanEscalationProbability,
    double HumanEscalationCostUsd,
    SourceLocation Source);
