using Tokencast.Core.Distributions;

namespace Tokencast.Core.Simulation;

/// <summary>
/// Multi-turn use of a feature: the number of turns per task and whether each turn re-sends the
/// history, so turn k pays again for the inputs and outputs of turns 1 to k - 1.
/// </summary>
public sealed record ConversationModel(CountDistribution Turns, bool ResendHistory = true)
{
    /// <summary>A canonical text used to key random streams.</summary>
    public string Describe() => $"turns={Turns.Describe()},resend={ResendHistory}";
}
