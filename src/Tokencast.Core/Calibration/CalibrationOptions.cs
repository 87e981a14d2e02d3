namespace Tokencast.Core.Calibration;

/// <summary>Settings of a calibration run. The defaults suit logs of a few thousand requests.</summary>
public sealed record CalibrationOptions
{
    /// <summary>Probability of the splice point between the log-normal body and the Pareto tail.</summary>
    public double TailFrom { get; init; } = 0.95;

    /// <summary>Fewest values above the splice point that a tail index is fitted to.</summary>
    public int MinimumTailCount { get; init; } = 20;

    /// <summary>Probabilities at which observed and fitted quantiles are compared.</summary>
    public IReadOnlyList<double> QuantileProbabilities { get; init; } = [0.5, 0.9, 0.95, 0.99, 0.999];

    /// <summary>
    /// Largest KS distance at which a parametric fit is preferred to the empirical distribution.
    /// </summary>
    public double MaxKolmogorovSmirnovDistance { get; init; } = 0.05;

    /// <summary>
    /// Largest |relative error| of the p99 quantile at which a parametric fit is preferred to the
    /// empirical distribution.
    /// </summary>
    public double MaxTailQuantileError { get; init; } = 0.10;

    /// <summary>
    /// Largest share of zero values that a parametric fit may leave out. Above it the empirical
    /// distribution is chosen, because it keeps the zeros.
    /// </summary>
    public double MaxIgnoredZeroShare { get; init; } = 0.01;

    /// <summary>Tokens per prefix block, 512 in the Mooncake traces.</summary>
    public int PrefixBlockTokens { get; init; } = 512;

    /// <summary>Cache lifetimes simulated besides an unbounded cache.</summary>
    public IReadOnlyList<TimeSpan> CacheTimeToLive { get; init; } =
        [TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)];
}
