namespace Tokencast.Core.Scenarios;

/// <summary>
/// Shape of a <see cref="TokenDistributionSpec"/>. Each member names the keys of
/// <see cref="TokenDistributionSpec.Parameters"/> it uses.
/// </summary>
public enum TokenDistributionKind
{
    /// <summary>The same count on every call: <c>value</c>.</summary>
    Fixed,

    /// <summary>Log-normal: <c>mu</c>, <c>sigma</c> of the underlying normal.</summary>
    LogNormal,

    /// <summary>
    /// Log-normal body with a Pareto tail: <c>mu</c>, <c>sigma</c>, <c>tail_from</c> (the quantile where the
    /// tail starts) and <c>alpha</c> (the Pareto shape).
    /// </summary>
    LogNormalPareto,

    /// <summary>Resampled observations, stored in <see cref="TokenDistributionSpec.Values"/>.</summary>
    Empirical,
}
