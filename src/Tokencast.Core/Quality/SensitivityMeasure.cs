namespace Tokencast.Core.Quality;

/// <summary>The measure by which <see cref="Sensitivity.Rank"/> orders inputs.</summary>
public enum SensitivityMeasure
{
    /// <summary>First-order variance index, largest first.</summary>
    VarianceIndex,

    /// <summary>Absolute Spearman rank correlation with the output, largest first.</summary>
    SpearmanCorrelation,

    /// <summary>
    /// Absolute tornado swing, the output median of the top input decile minus that of the bottom one,
    /// largest first.
    /// </summary>
    TornadoSwing,
}
