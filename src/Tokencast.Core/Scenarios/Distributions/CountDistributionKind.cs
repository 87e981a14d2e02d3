namespace Tokencast.Core.Scenarios;

/// <summary>
/// Shape of a <see cref="CountDistributionSpec"/>. Each member names the keys of
/// <see cref="CountDistributionSpec.Parameters"/> it uses.
/// </summary>
public enum CountDistributionKind
{
    /// <summary>The same count on every task: <c>value</c>.</summary>
    Fixed,

    /// <summary>Poisson: <c>lambda</c>, the mean.</summary>
    Poisson,

    /// <summary>Geometric on 1, 2, ...: <c>p</c>, the success probability, 1 / mean.</summary>
    Geometric,

    /// <summary>
    /// Negative binomial on 0, 1, ... as failures before the r-th success: <c>r</c> (the dispersion) and
    /// <c>p</c> = r / (r + mean), so the variance is mean + mean² / r.
    /// </summary>
    NegativeBinomial,
}
