using Tokencast.Core.Distributions;
using Tokencast.Core.Randomness;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Tests.Simulation;

public class TaskSimulatorTests
{
    private static double SimulateOnce(TaskModel model, ulong seed = 7)
    {
        var simulator = new TaskSimulator(model);
        var lines = new double[simulator.LineCount];
        return simulator.Simulate(new StableRandom(seed), lines);
    }

    [Theory]
    // History re-sent each turn: turn k sends k messages of k tokens, so 4 turns send (1+2+3+4)k = 10k.
    [InlineData(4, 100, 1_000)]
    [InlineData(1, 100, 100)]
    [InlineData(2, 50, 150)]
    [InlineData(10, 10, 550)]
    public void Conversation_EqualTurns_PaysTriangularInput(int turns, double tokensPerTurn, double expectedInputTokens)
    {
        var model = TestModels.Chat(TestModels.Flat(input: 1), tokensPerTurn, output: 0, turns);

        var cost = SimulateOnce(model);

        Assert.Equal(expectedInputTokens, cost * 1e6, 6);
    }

    [Theory]
    // Request k sends s + (k-1)d tokens: system 100 + message 100 gives s = 200; each turn adds the
    // message and the 200-token answer, d = 300. Total N*s + d*N(N-1)/2 = 20*200 + 300*190 = 61,000.
    [InlineData(20, 100, 100, 200, 61_000)]
    [InlineData(1, 100, 100, 200, 200)]
    // N = 5, s = 50 + 10 = 60, d = 10 + 30 = 40: 5*60 + 40*10 = 700.
    [InlineData(5, 50, 10, 30, 700)]
    public void Conversation_GrowingRequests_MatchesClosedForm(
        int turns, double system, double message, double answer, double expectedInputTokens)
    {
        var model = TestModels.Chat(TestModels.Flat(input: 1, output: 0), message, answer, turns, system);

        var cost = SimulateOnce(model);

        Assert.Equal(expectedInputTokens, cost * 1e6, 6);
    }

    [Fact]
    public void Conversation_WithoutResend_PaysEachTurnAlone()
    {
        var model = new TaskModel(
            new ModelChoice(TestModels.Flat(input: 1)),
            TokenDistribution.Fixed(100),
            TokenDistribution.Fixed(50),
            conversation: new ConversationModel(CountDistribution.Fixed(4), ResendHistory: false));

        var cost = SimulateOnce(model);

        Assert.Equal(400, cost * 1e6, 6);
    }

    [Theory]
    // 1 + p + ... + p^(k-1)
    [InlineData(0.2, 3, 1.24)]
    [InlineData(0.0, 5, 1.0)]
    [InlineData(0.5, 1, 1.0)]
    [InlineData(0.5, 2, 1.5)]
    [InlineData(0.5, 4, 1.875)]
    public void Agent_Retries_ExpectedAttemptsIsGeometricSum(double failure, int maxAttempts, double expected)
    {
        var agent = new AgentLoopModel(
            CountDistribution.Fixed(1), CountDistribution.Fixed(0), TokenDistribution.Fixed(0), failure, maxAttempts);

        Assert.Equal(expected, agent.ExpectedAttemptsPerCall(), 12);
    }

    [Fact]
    public void Agent_Retries_SimulatedAttemptsMatchExpectation()
    {
        // One step of 1,000 input tokens at $1/MTok costs $0.001 per attempt; failures are paid.
        var agent = new AgentLoopModel(
            CountDistribution.Fixed(1), CountDistribution.Fixed(0), TokenDistribution.Fixed(0), 0.2, 3);
        var model = new TaskModel(
            new ModelChoice(TestModels.Flat(input: 1)), TokenDistribution.Fixed(1_000), TokenDistribution.Fixed(0), agent: agent);
        var pool = TaskCostPool.Build(model, key: 11, minTasks: 65_536, maxTasks: 65_536);

        var attempts = pool.Mean / 0.001;

        // Attempts per task are 1, 2 or 3 with variance about 0.27; the standard error over 65,536 tasks is
        // about 0.002, so 0.01 is five standard errors.
        Assert.Equal(1.24, attempts, 0.01);
    }

    [Fact]
    public void Agent_ToolOutput_JoinsContextOfLaterSteps()
    {
        // 3 steps, 1 tool call each adding 200 tokens, 10 output tokens per step, 100 input tokens.
        // Step inputs: 100, 100+10+200 = 310, 310+10+200 = 520; total 930 input tokens; output 30 tokens.
        var agent = new AgentLoopModel(CountDistribution.Fixed(3), CountDistribution.Fixed(1), TokenDistribution.Fixed(200));
        var model = new TaskModel(
            new ModelChoice(TestModels.Flat(input: 1, output: 1)),
            TokenDistribution.Fixed(100),
            TokenDistribution.Fixed(10),
            agent: agent);

        var cost = SimulateOnce(model);

        Assert.Equal(960, cost * 1e6, 6);
    }

    [Fact]
    public void Agent_ToolAndHumanCosts_BookedToTheirOwnLines()
    {
        var agent = new AgentLoopModel(
            CountDistribution.Fixed(2), CountDistribution.Fixed(3), TokenDistribution.Fixed(0),
            toolCostUsd: 0.01, humanEscalationProbability: 1, humanEscalationCostUsd: 5);
        var model = new TaskModel(
            new ModelChoice(TestModels.Flat(input: 0)), TokenDistribution.Fixed(10), TokenDistribution.Fixed(0), agent: agent);
        var simulator = new TaskSimulator(model);
        var lines = new double[simulator.LineCount];

        var total = simulator.Simulate(new StableRandom(1), lines);

        Assert.Equal(0.06, lines[simulator.ToolLine], 12);
        Assert.Equal(5, lines[simulator.HumanLine], 12);
        Assert.Equal(5.06, total, 12);
    }

    [Theory]
    // Break-even hit rate h with read at 10 % and write at 125 % of the input price: h*0.9 = (1-h)*0.25.
    [InlineData(1.0, 0.1, 1.25, 0.25 / 1.15)]
    // Writes at 200 % (1-hour TTL): h*0.9 = (1-h)*1.0, h = 1/1.9.
    [InlineData(1.0, 0.1, 2.0, 1.0 / 1.9)]
    // No write premium: caching pays at any hit rate.
    [InlineData(1.0, 0.5, 1.0, 0.0)]
    public void PromptCache_BreakEven_MatchesHandValue(double input, double read, double write, double expected)
    {
        Assert.Equal(expected, PromptCacheModel.BreakEvenHitRate(input, read, write), 12);
    }

    [Fact]
    public void PromptCache_BreakEven_MatchesFourDigitValue()
    {
        Assert.Equal(0.2174, PromptCacheModel.BreakEvenHitRate(3.0, 0.3, 3.75), 4);
    }

    [Theory]
    [InlineData(0.10, false)]
    [InlineData(0.35, true)]
    public void PromptCache_AroundBreakEven_SavesOnlyAboveIt(double hitRate, bool cheaperThanUncached)
    {
        var prices = TestModels.Flat(input: 3, cacheRead: 0.3, cacheWrite5Minutes: 3.75);
        var uncached = new TaskModel(
            new ModelChoice(prices), TokenDistribution.Fixed(0), TokenDistribution.Fixed(0), systemPromptTokens: 10_000);
        var cached = uncached with { Cache = new PromptCacheModel(hitRate) };

        var uncachedMean = TaskCostPool.Build(uncached, 3, 65_536, 65_536).Mean;
        var cachedMean = TaskCostPool.Build(cached, 3, 65_536, 65_536).Mean;

        Assert.Equal(cheaperThanUncached, cachedMean < uncachedMean);
    }

    [Theory]
    // Tier chosen once from the whole prompt: 200,000 stays at $3; 200,001 bills every token at $6.
    [InlineData(200_000, 0.6)]
    [InlineData(200_001, 200_001 * 6e-6)]
    [InlineData(300_000, 1.8)]
    public void LongContext_PromptAboveThreshold_BillsWholeCallInHigherTier(double prompt, double expected)
    {
        var prices = new CallPrices("long", [TestModels.Tier(0, 3, 15), TestModels.Tier(200_000, 6, 22.5)]);
        var model = TestModels.Chat(prices, prompt, output: 0);

        Assert.Equal(expected, SimulateOnce(model), 12);
    }

    [Fact]
    public void LongContext_CachePrefixInHigherTier_UsesTierCachePrices()
    {
        // 240,000 cached system prompt + 10,000 new tokens = 250,000 prompt, above 200k; all cache reads.
        var prices = new CallPrices(
            "long", [TestModels.Tier(0, 3, 15, cacheRead: 0.3), TestModels.Tier(200_000, 6, 22.5, cacheRead: 0.6)]);
        var model = TestModels.Chat(prices, 10_000, 0, system: 240_000) with { Cache = new PromptCacheModel(1.0) };

        // 240,000 x 0.60 + 10,000 x 6 = 0.144 + 0.06
        Assert.Equal(0.204, SimulateOnce(model), 12);
    }

    [Fact]
    public void Cascade_AlwaysEscalating_PaysBothModels()
    {
        var cheap = new ModelChoice(TestModels.Flat("cheap", input: 1));
        var strong = new ModelChoice(TestModels.Flat("strong", input: 20));
        var model = TestModels.Chat(cheap.Prices, 1_000, 0) with { Cascade = CascadeRouting.WithRate(cheap, strong, 1.0) };
        var simulator = new TaskSimulator(model);
        var lines = new double[simulator.LineCount];

        simulator.Simulate(new StableRandom(5), lines);

        Assert.Equal(0.001, lines[0], 12);
        Assert.Equal(0.020, lines[1], 12);
    }

    [Fact]
    public void Cascade_ConfidenceThreshold_EscalatesShareBelowIt()
    {
        // Confidence uniform on [0, 1] with threshold 0.3 escalates 30 % of tasks; strong adds $0.02 each.
        var cheap = new ModelChoice(TestModels.Flat("cheap", input: 1));
        var strong = new ModelChoice(TestModels.Flat("strong", input: 20));
        var cascade = CascadeRouting.WithThreshold(cheap, strong, UncertainNumber.Uniform(0, 1), 0.3);
        var model = TestModels.Chat(cheap.Prices, 1_000, 0) with { Cascade = cascade };

        var pool = TaskCostPool.Build(model, 9, 65_536, 65_536);

        // Escalated share: binomial standard error sqrt(0.21 / 65,536) = 0.0018; 0.01 is over five of them.
        Assert.Equal(0.3, pool.LineMean(1) / 0.020, 0.01);
    }

    [Fact]
    public void TokenEfficiency_ScalesOutputAndReasoning()
    {
        var prices = TestModels.Flat(input: 0, output: 1, reasoning: 1);
        var model = new TaskModel(
            new ModelChoice(prices, TokenEfficiency: 0.5),
            TokenDistribution.Fixed(100),
            TokenDistribution.Fixed(1_000),
            TokenDistribution.Fixed(400));

        Assert.Equal(700, SimulateOnce(model) * 1e6, 6);
    }

    [Fact]
    public void PromptShareCache_ReadsShareOfWholePrompt_WithoutWrites()
    {
        // 10,000-token prompt, 30 % read at $0.30/MTok and 70 % uncached at $3/MTok:
        // 3,000 x 0.3e-6 + 7,000 x 3e-6 = 0.0009 + 0.021.
        var prices = TestModels.Flat(input: 3, cacheRead: 0.3, cacheWrite5Minutes: 3.75);
        var model = TestModels.Chat(prices, 10_000, 0) with
        {
            Cache = new PromptCacheModel(0.3, scope: PromptCacheScope.PromptShare),
        };

        Assert.Equal(0.0219, SimulateOnce(model), 12);
    }

    [Fact]
    public void Cascade_EscalatedTask_EscalatesToHumanAtMostOnce()
    {
        // Every task runs on both models; a human takes over half the tasks at $1, so the human line
        // averages $0.50 per task (binomial standard error 0.5 / 256 over 65,536 tasks), not $1.
        var agent = new AgentLoopModel(
            CountDistribution.Fixed(1), CountDistribution.Fixed(0), TokenDistribution.Fixed(0),
            humanEscalationProbability: 0.5, humanEscalationCostUsd: 1);
        var cheap = new ModelChoice(TestModels.Flat("cheap", input: 1));
        var strong = new ModelChoice(TestModels.Flat("strong", input: 20));
        var model = new TaskModel(cheap, TokenDistribution.Fixed(100), TokenDistribution.Fixed(0), agent: agent)
            with { Cascade = CascadeRouting.WithRate(cheap, strong, 1.0) };
        var simulator = new TaskSimulator(model);

        var pool = TaskCostPool.Build(model, 21, 65_536, 65_536);

        Assert.Equal(0.5, pool.LineMean(simulator.HumanLine), 0.01);
    }
}
