using Tokencast.Core.Quality;

namespace Tokencast.Core.Forecasting;

/// <summary>
/// Which uncertain trial-level assumptions of one branch move its horizon total spend most, measured on the
/// trials of a forecast run.
/// </summary>
/// <param name="Branch">Branch name.</param>
/// <param name="Trials">Trials measured.</param>
/// <param name="HorizonMedianUsd">P50 of the horizon total over all trials, the centre of the tornado chart.</param>
/// <param name="VarianceIndexNullLevel">
/// The variance index an assumption unrelated to the spend gets on average with this many trials
/// (<see cref="Sensitivity.VarianceIndexNullLevel"/>); indices near it mean "no measurable effect".
/// </param>
/// <param name="Inputs">The assumptions, largest variance index first.</param>
/// <param name="Distributions">The distribution of each assumption as text, by <see cref="InputSensitivity.Input"/>.</param>
public sealed record BranchSensitivity(
    string Branch,
    int Trials,
    double HorizonMedianUsd,
    double VarianceIndexNullLevel,
    IReadOnlyList<InputSensitivity> Inputs,
    IReadOnlyDictionary<string, string> Distributions)
{
    /// <summary>
    /// Estimates the share of the variance of the horizon total that the assumptions explain one at a time:
    /// the sum over assumptions of the variance index corrected for its upward bias,
    /// max(0, (S − c) / (1 − c)) with c = <see cref="VarianceIndexNullLevel"/> (the adjusted η² of a
    /// one-way layout). The rest comes from task-level noise (tokens and calls per task) and from assumptions
    /// acting together. The estimate is noisy and can exceed 1 with few trials.
    /// </summary>
    public double ExplainedVarianceShare =>
        Inputs.Sum(input => input.VarianceIndex is { } index
            ? Math.Max(0, (index - VarianceIndexNullLevel) / (1 - VarianceIndexNullLevel))
            : 0);
}
