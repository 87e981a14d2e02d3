using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Tokencast.Core.Calibration;

/// <summary>Counts requests per conversation and fits a geometric and a negative binomial.</summary>
public static class ConversationTurnsFitter
{
    /// <summary>
    /// Fits the turns of the conversations in <paramref name="observations"/>. Requests without a
    /// conversation id are left out.
    /// </summary>
    /// <returns>The fit, or null when no request has a conversation id.</returns>
    public static ConversationTurnsFit? Fit(IEnumerable<TokenObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var turns = observations
            .Where(o => o.ConversationId is not null)
            .GroupBy(o => o.ConversationId, StringComparer.Ordinal)
            .Select(g => g.Count())
            .ToList();
        return turns.Count == 0 ? null : FitCounts(turns);
    }

    /// <summary>Fits turns per conversation given as counts of at least 1.</summary>
    public static ConversationTurnsFit FitCounts(IReadOnlyCollection<int> turns)
    {
        ArgumentNullException.ThrowIfNull(turns);
        if (turns.Count == 0 || turns.Any(t => t < 1))
        {
            throw new ArgumentException(
                "Turn counts must be at least 1, and at least one is required.", nameof(turns));
        }

        var mean = turns.Average();
        var variance = turns.Count > 1 ? turns.Select(t => (double)t).Variance() : 0.0;
        var geometric = GeometricLogLikelihood(turns, mean);

        // Negative binomial on the failures before success, y = turns − 1, with mean m = mean − 1.
        var m = mean - 1;
        if (m <= 0 || variance <= m)
        {
            return new ConversationTurnsFit(turns.Count, mean, variance, geometric, null, null);
        }

        var dispersion = m * m / (variance - m);
        var successProbability = dispersion / (dispersion + m);
        var negativeBinomial = turns.Sum(t => NegativeBinomial.PMFLn(dispersion, successProbability, t - 1));
        return new ConversationTurnsFit(turns.Count, mean, variance, geometric, dispersion, negativeBinomial);
    }

    // P(k) = (1 − p)^(k − 1) p on k = 1, 2, ... with p = 1 / mean, the maximum-likelihood estimate.
    private static double GeometricLogLikelihood(IReadOnlyCollection<int> turns, double mean)
    {
        var p = 1 / mean;
        if (p >= 1)
        {
            return 0;
        }

        return turns.Sum(k => ((k - 1) * Math.Log(1 - p)) + Math.Log(p));
    }
}
