namespace Tokencast.Core.Quality;

/// <summary>
/// One way to run a feature, such as <c>model=budget</c>, <c>cascade threshold 0.6</c> or
/// <c>prompt=short</c>, with what it costs per task and the quality it delivers.
/// </summary>
/// <param name="Label">Name shown to the user; also the last tie-breaker when sorting.</param>
/// <param name="Cost">Cost per task; comparisons use <see cref="CostPerTaskBand.MeanUsd"/>.</param>
/// <param name="Quality">Quality with its interval; comparisons use <see cref="EvalQuality.Value"/>.</param>
/// <param name="IsCurrent">True for the configuration the feature runs today.</param>
public sealed record OperatingPoint(
    string Label, CostPerTaskBand Cost, EvalQuality Quality, bool IsCurrent = false)
{
    /// <summary>Mean cost per task in US dollars, the cost axis of the frontier.</summary>
    public double CostUsd => Cost.MeanUsd;

    /// <summary>Quality value from 0 to 1, the quality axis of the frontier.</summary>
    public double QualityValue => Quality.Value;
}
