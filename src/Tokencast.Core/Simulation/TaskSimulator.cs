using Tokencast.Core.Randomness;

namespace Tokencast.Core.Simulation;

/// <summary>
/// Simulates one task call by call and adds its cost in USD to cost lines: one line per called model
/// (in <see cref="TaskModel.CalledModels"/> order), then tool execution, then human escalation.
/// </summary>
/// <remarks>
/// Each turn adds its new input to the context. Without an agent the turn is one call. With an agent it
/// is a loop of steps whose outputs and tool outputs join the context. Without history re-sending the
/// context is cleared between turns. Every call pays the system prompt and tool definitions, chooses its
/// long-context tier once from its whole prompt, and splits the cacheable prefix into a cache read or a
/// cache write. A failed attempt pays its input and output and adds nothing to the context.
/// </remarks>
public sealed class TaskSimulator
{
    private readonly TaskModel _model;
    private readonly int _toolLine;
    private readonly int _humanLine;

    /// <summary>Creates a simulator for one task model.</summary>
    public TaskSimulator(TaskModel model)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        var models = model.CalledModels().Count;
        _toolLine = models;
        _humanLine = models + 1;
        LineCount = models + 2;
    }

    /// <summary>Number of cost lines a task writes: called models, tool execution, human escalation.</summary>
    public int LineCount { get; }

    /// <summary>Index of the tool-execution line.</summary>
    public int ToolLine => _toolLine;

    /// <summary>Index of the human-escalation line.</summary>
    public int HumanLine => _humanLine;

    /// <summary>Simulates one task and adds its costs to <paramref name="lines"/>; returns the total.</summary>
    public double Simulate(StableRandom random, Span<double> lines)
    {
        var cascade = _model.Cascade;
        double total;
        if (cascade is null)
        {
            total = RunTask(_model.Model, 0, random, lines);
        }
        else
        {
            total = RunTask(cascade.Cheap, 0, random, lines);
            if (Escalates(cascade, random))
            {
                total += RunTask(cascade.Strong, 1, random, lines);
            }
        }

        // Human escalation is per task, so a cascaded task that runs twice still escalates at most once.
        if (_model.Agent is { HumanEscalationProbability: > 0 } agent && random.NextDouble() < agent.HumanEscalationProbability)
        {
            lines[_humanLine] += agent.HumanEscalationCostUsd;
            total += agent.HumanEscalationCostUsd;
        }

        return total;
    }

    private static bool Escalates(CascadeRouting cascade, StableRandom random) =>
        cascade.EscalationRate is { } rate
            ? random.NextDouble() < rate
            : cascade.Confidence!.Sample(random) < cascade.Threshold;

    private double RunTask(ModelChoice choice, int modelLine, StableRandom random, Span<double> lines)
    {
        var task = _model;
        var state = new CallState(choice, task);
        var turns = task.Conversation?.Turns.Sample(random) ?? 1;
        var resend = task.Conversation?.ResendHistory ?? true;

        for (var turn = 0; turn < turns; turn++)
        {
            state.Context += task.InputTokens.Sample(random);
            if (task.Agent is null)
            {
                state.Context += Call(ref state, task.OutputTokens.Sample(random), random);
            }
            else
            {
                RunAgentTurn(ref state, task.Agent, random, lines);
            }

            if (!resend)
            {
                state.Context = 0;
                state.SentContext = 0;
            }
        }

        lines[modelLine] += state.ModelCostUsd;
        lines[_toolLine] += state.ToolCostUsd;
        return state.ModelCostUsd + state.ToolCostUsd;
    }

    private void RunAgentTurn(ref CallState state, AgentLoopModel agent, StableRandom random, Span<double> lines)
    {
        var steps = agent.Steps.Sample(random);
        for (var step = 0; step < steps; step++)
        {
            state.Context += CallWithRetries(ref state, agent, random);

            var tools = agent.ToolCallsPerStep.Sample(random);
            for (var tool = 0; tool < tools; tool++)
            {
                state.Context += agent.ToolOutputTokens.Sample(random);
                state.ToolCostUsd += agent.ToolCostUsd;
            }

            if (agent.ReflectionProbability > 0 && random.NextDouble() < agent.ReflectionProbability)
            {
                state.Context += Call(ref state, agent.ReflectionOutputTokens.Sample(random), random);
            }
        }
    }

    private double CallWithRetries(ref CallState state, AgentLoopModel agent, StableRandom random)
    {
        for (var attempt = 1; attempt < agent.MaxAttempts; attempt++)
        {
            if (random.NextDouble() >= agent.RetryProbability)
            {
                break;
            }

            // The failed attempt is paid but its output never reaches the context.
            Pay(ref state, _model.OutputTokens.Sample(random), random);
        }

        return Call(ref state, _model.OutputTokens.Sample(random), random);
    }

    /// <summary>Pays one successful call and returns the output tokens that join the context.</summary>
    private double Call(ref CallState state, double rawOutputTokens, StableRandom random)
    {
        var output = Pay(ref state, rawOutputTokens, random);
        state.SentContext = state.Context;
        return output;
    }

    private double Pay(ref CallState state, double rawOutputTokens, StableRandom random)
    {
        var efficiency = state.Choice.TokenEfficiency;
        var output = Math.Round(rawOutputTokens * efficiency);
        var reasoning = Math.Round(_model.ReasoningTokens.Sample(random) * efficiency);

        var prompt = state.FixedPromptTokens + state.Context;
        var cache = _model.Cache;
        var prices = state.Choice.Prices;
        var tier = prices.TierFor(prompt);
        var cost = output * tier.Output + reasoning * tier.ReasoningOutput + prices.PerRequestUsd;
        if (cache is { Scope: PromptCacheScope.PromptShare })
        {
            var read = Math.Round(prompt * cache.HitRate);
            state.ModelCostUsd += cost + read * tier.CacheRead + (prompt - read) * tier.UncachedInput;
            return output;
        }

        var cacheable = cache is null
            ? 0
            : state.FixedPromptTokens + (cache.Scope == PromptCacheScope.SystemToolsAndHistory ? state.SentContext : 0);
        cost += (prompt - cacheable) * tier.UncachedInput;
        if (cacheable > 0)
        {
            var hit = random.NextDouble() < cache!.HitRate;
            var price = hit ? tier.CacheRead
                : cache.WriteTtl == CacheWriteTtl.OneHour ? tier.CacheWrite1Hour : tier.CacheWrite5Minutes;
            cost += cacheable * price;
        }

        state.ModelCostUsd += cost;
        return output;
    }

    private struct CallState(ModelChoice choice, TaskModel model)
    {
        public readonly ModelChoice Choice = choice;
        public readonly double FixedPromptTokens = model.SystemPromptTokens + model.ToolDefinitionTokens;

        /// <summary>Tokens of the conversation so far beyond the fixed prompt.</summary>
        public double Context;

        /// <summary>The part of <see cref="Context"/> that the previous call already sent.</summary>
        public double SentContext;

        public double ModelCostUsd;
        public double ToolCostUsd;
    }
}
