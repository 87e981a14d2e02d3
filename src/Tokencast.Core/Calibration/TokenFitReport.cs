namespace Tokencast.Core.Calibration;

/// <summary>Fits of one token column of one feature, and the one chosen for the scenario.</summary>
/// <param name="Kind">Which token count was fitted.</param>
/// <param name="Count">Number of requests with a value.</param>
/// <param name="ZeroCount">Number of values equal to 0.</param>
/// <param name="Candidates">
/// Every fitted candidate, parametric ones first. Fits describe the positive values only, because a
/// log-normal has no mass at 0.
/// </param>
/// <param name="Chosen">The candidate written to the scenario fragment, or null when all values are 0.</param>
/// <param name="ChoiceReason">Why <paramref name="Chosen"/> was picked, as a sentence.</param>
/// <param name="SkippedCandidates">Candidates that could not be fitted, each with the reason.</param>
public sealed record TokenFitReport(
    TokenKind Kind,
    int Count,
    int ZeroCount,
    IReadOnlyList<FitCandidate> Candidates,
    FitCandidate? Chosen,
    string ChoiceReason,
    IReadOnlyList<string> SkippedCandidates)
{
    /// <summary>Share of values equal to 0.</summary>
    public double ZeroShare => Count == 0 ? 0 : (double)ZeroCount / Count;
}
