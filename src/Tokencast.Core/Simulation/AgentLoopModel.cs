using System.Globalization;
using Tokencast.Core.Distributions;

namespace Tokencast.Core.Simulation;

/// <summary>
/// An agent loop run for each turn of a task: every step is one model call on the growing context,
/// tool calls append their output to the context, failed calls are retried and paid, and a step may add
/// a reflection call. A task may end with a human escalation, paid per escalation.
/// </summary>
public sealed record AgentLoopModel
{
    /// <summary>Creates the loop after checking probabilities and costs.</summary>
    public AgentLoopModel(
        CountDistribution steps,
        CountDistribution toolCallsPerStep,
        TokenDistribution toolOutputTokens,
        double retryProbability = 0,
        int maxAttempts = 1,
        double reflectionProbability = 0,
        TokenDistribution? reflectionOutputTokens = null,
        double toolCostUsd = 0,
        double humanEscalationProbability = 0,
        double humanEscalationCostUsd = 0)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(toolCallsPerStep);
        ArgumentNullException.ThrowIfNull(toolOutputTokens);
        RequireProbability(retryProbability, nameof(retryProbability));
        RequireProbability(reflectionProbability, nameof(reflectionProbability));
        RequireProbability(humanEscalationProbability, nameof(humanEscalationProbability));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(toolCostUsd);
        ArgumentOutOfRangeException.ThrowIfNegative(humanEscalationCostUsd);

        Steps = steps;
        ToolCallsPerStep = toolCallsPerStep;
        ToolOutputTokens = toolOutputTokens;
        RetryProbability = retryProbability;
        MaxAttempts = maxAttempts;
        ReflectionProbability = reflectionProbability;
        ReflectionOutputTokens = reflectionOutputTokens ?? TokenDistribution.Fixed(0);
        ToolCostUsd = toolCostUsd;
        HumanEscalationProbability = humanEscalationProbability;
        HumanEscalationCostUsd = humanEscalationCostUsd;
    }

    /// <summary>Model calls per turn, before retries and reflections.</summary>
    public CountDistribution Steps { get; }

    /// <summary>Tool executions after each step.</summary>
    public CountDistribution ToolCallsPerStep { get; }

    /// <summary>Tokens each tool execution appends to the context.</summary>
    public TokenDistribution ToolOutputTokens { get; }

    /// <summary>Probability that a call attempt fails and is retried; every attempt is paid.</summary>
    public double RetryProbability { get; }

    /// <summary>Attempts per call at most, including the first.</summary>
    public int MaxAttempts { get; }

    /// <summary>Probability that a step is followed by a reflection call.</summary>
    public double ReflectionProbability { get; }

    /// <summary>Output tokens of a reflection call, appended to the context.</summary>
    public TokenDistribution ReflectionOutputTokens { get; }

    /// <summary>Cost in USD of one tool execution (compute, search, sandbox).</summary>
    public double ToolCostUsd { get; }

    /// <summary>Probability per task that a person has to take over.</summary>
    public double HumanEscalationProbability { get; }

    /// <summary>Cost in USD of one human escalation.</summary>
    public double HumanEscalationCostUsd { get; }

    /// <summary>Returns the expected attempts per call, 1 + p + ... + p^(k-1).</summary>
    public double ExpectedAttemptsPerCall()
    {
        var expected = 0.0;
        var term = 1.0;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            expected += term;
            term *= RetryProbability;
        }

        return expected;
    }

    /// <summary>A canonical text used to key random streams.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"steps={Steps.Describe()},tools={ToolCallsPerStep.Describe()},toolOut={ToolOutputTokens.Describe()},"
        + $"retry={RetryProbability:R}x{MaxAttempts},reflect={ReflectionProbability:R}:"
        + $"{ReflectionOutputTokens.Describe()},toolUsd={ToolCostUsd:R},"
        + $"human={HumanEscalationProbability:R}:{HumanEscalationCostUsd:R}");

    private static void RequireProbability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "A probability must lie in [0, 1].");
        }
    }
}
