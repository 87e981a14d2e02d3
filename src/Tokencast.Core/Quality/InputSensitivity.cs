namespace Tokencast.Core.Quality;

/// <summary>How strongly one uncertain input drives the output, by three measures.</summary>
/// <param name="Input">Name of the input.</param>
/// <param name="SpearmanCorrelation">
/// Spearman rank correlation of input and output, from −1 to 1, or null when either is constant.
/// </param>
/// <param name="VarianceIndex">
/// Estimated first-order variance index Var(E[Y | X]) / Var(Y), from 0 to 1, or null when either is
/// constant. Its estimate for an input unrelated to the output is about
/// <see cref="Sensitivity.VarianceIndexNullLevel"/>, not 0.
/// </param>
/// <param name="LowDecileOutputMedian">Output median over the 10 % of trials with the lowest input.</param>
/// <param name="HighDecileOutputMedian">Output median over the 10 % of trials with the highest input.</param>
public sealed record InputSensitivity(
    string Input,
    double? SpearmanCorrelation,
    double? VarianceIndex,
    double LowDecileOutputMedian,
    double HighDecileOutputMedian)
{
    /// <summary>High-decile minus low-decile output median, the length of a tornado bar.</summary>
    public double TornadoSwing => HighDecileOutputMedian - LowDecileOutputMedian;
}
