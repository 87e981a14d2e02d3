namespace Tokencast.Core.Simulation;

/// <summary>
/// A model as a feature uses it: its prices and its token efficiency, the factor applied to output and
/// reasoning tokens relative to the distributions in the feature (0.85 = 15 % fewer output tokens).
/// </summary>
public sealed record ModelChoice(CallPrices Prices, double TokenEfficiency = 1.0)
{
    /// <summary>A canonical text used to key random streams and cached task-cost pools.</summary>
    public string Describe() =>
        Prices.Describe() + "*" + TokenEfficiency.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
