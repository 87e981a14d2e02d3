using Tokencast.Core.Distributions;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Tests.Simulation;

/// <summary>Small models with round prices, so expected costs can be worked out by hand.</summary>
internal static class TestModels
{
    /// <summary>One tier; every token kind costs the given USD per million tokens.</summary>
    public static CallPrices Flat(
        string model = "test-model",
        double input = 1,
        double output = 0,
        double cacheRead = 0.1,
        double cacheWrite5Minutes = 1.25,
        double cacheWrite1Hour = 2,
        double reasoning = 0) =>
        new(model, [Tier(0, input, output, cacheRead, cacheWrite5Minutes, cacheWrite1Hour, reasoning)]);

    public static CallPriceTier Tier(
        long above, double input, double output, double cacheRead = 0, double write5 = 0, double write1 = 0, double reasoning = 0) =>
        new(above, input / 1e6, cacheRead / 1e6, write5 / 1e6, write1 / 1e6, output / 1e6, reasoning / 1e6);

    public static TaskModel Chat(CallPrices prices, double input, double output, int turns = 1, double system = 0) =>
        new(
            new ModelChoice(prices),
            TokenDistribution.Fixed(input),
            TokenDistribution.Fixed(output),
            systemPromptTokens: system,
            conversation: turns > 1 ? new ConversationModel(CountDistribution.Fixed(turns)) : null);
}
