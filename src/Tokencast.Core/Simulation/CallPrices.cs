using System.Globalization;

namespace Tokencast.Core.Simulation;

/// <summary>
/// The prices one model charges for a call on one service tier, in effect on one date, converted to
/// double for simulation. Exact money from actual usage is priced with decimals elsewhere.
/// </summary>
public sealed record CallPrices
{
    /// <summary>Creates the prices; tiers must start at 0 tokens and rise strictly.</summary>
    public CallPrices(string model, IReadOnlyList<CallPriceTier> tiers, double perRequestUsd = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.Count == 0 || tiers[0].AboveTokens != 0)
        {
            throw new ArgumentException("The first price tier must start at 0 tokens.", nameof(tiers));
        }

        for (var i = 1; i < tiers.Count; i++)
        {
            if (tiers[i].AboveTokens <= tiers[i - 1].AboveTokens)
            {
                throw new ArgumentException("Price tiers must rise strictly in AboveTokens.", nameof(tiers));
            }
        }

        Model = model;
        Tiers = tiers;
        PerRequestUsd = perRequestUsd;
    }

    /// <summary>The catalog key of the model.</summary>
    public string Model { get; }

    /// <summary>Long-context tiers, lowest first.</summary>
    public IReadOnlyList<CallPriceTier> Tiers { get; }

    /// <summary>A fee charged per call on top of token prices.</summary>
    public double PerRequestUsd { get; }

    /// <summary>Returns the tier for a call whose whole prompt has <paramref name="promptTokens"/> tokens.</summary>
    public CallPriceTier TierFor(double promptTokens)
    {
        var tiers = Tiers;
        var chosen = tiers[0];
        for (var i = 1; i < tiers.Count; i++)
        {
            if (promptTokens > tiers[i].AboveTokens)
            {
                chosen = tiers[i];
            }
        }

        return chosen;
    }

    /// <summary>A canonical text of the prices, used to key random streams and cached task-cost pools.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Model}:{PerRequestUsd:R}:") + string.Join(";", Tiers.Select(t =>
            string.Create(
                CultureInfo.InvariantCulture,
                $"{t.AboveTokens}/{t.UncachedInput:R}/{t.CacheRead:R}/{t.CacheWrite5Minutes:R}/"
                + $"{t.CacheWrite1Hour:R}/{t.Output:R}/{t.ReasoningOutput:R}")));
}
