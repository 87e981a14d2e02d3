namespace Tokencast.Core.Calibration;

/// <summary>Fit of the number of requests (turns) per conversation.</summary>
/// <param name="ConversationCount">Number of conversations.</param>
/// <param name="MeanTurns">Mean turns per conversation; the geometric fit has this mean.</param>
/// <param name="TurnsVariance">Sample variance of turns per conversation (n − 1 denominator).</param>
/// <param name="GeometricLogLikelihood">Log-likelihood of the geometric fit on support 1, 2, ...</param>
/// <param name="NegativeBinomialDispersion">
/// Dispersion r of a negative binomial fitted to turns − 1 by the method of moments
/// (variance = m + m²/r with m = mean − 1), or null when turns are not over-dispersed
/// (variance ≤ m). r = 1 is the geometric; r &lt; 1 is more dispersed than the geometric.
/// </param>
/// <param name="NegativeBinomialLogLikelihood">Log-likelihood of that negative binomial, or null.</param>
public sealed record ConversationTurnsFit(
    int ConversationCount,
    double MeanTurns,
    double TurnsVariance,
    double GeometricLogLikelihood,
    double? NegativeBinomialDispersion,
    double? NegativeBinomialLogLikelihood)
{
    /// <summary>Akaike information criterion of the geometric fit (one parameter).</summary>
    public double GeometricAic => 2 - (2 * GeometricLogLikelihood);

    /// <summary>Akaike information criterion of the negative binomial fit (two parameters), or null.</summary>
    public double? NegativeBinomialAic => 4 - (2 * NegativeBinomialLogLikelihood);

    /// <summary>
    /// Key of the chosen form: <c>negative_binomial</c> when its AIC is lower, otherwise <c>geometric</c>.
    /// </summary>
    public string Chosen => NegativeBinomialAic < GeometricAic ? "negative_binomial" : "geometric";
}
