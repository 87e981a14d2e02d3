using Tokencast.Core.Quality;

namespace Tokencast.Core.Levers;

/// <summary>One way to run a feature, with its cost per task and, when the eval results rate it, its quality.</summary>
/// <param name="Label">Name shown to the user, unique within the feature, such as <c>model=budget</c>.</param>
/// <param name="Kind">Where the point comes from.</param>
/// <param name="Cost">Cost of one task in the scenario's first month, in USD.</param>
/// <param name="Quality">Quality with its 95 % interval, or null when the eval results do not rate it.</param>
/// <param name="NoQualityReason">Why the quality is unknown, or null when it is known.</param>
/// <param name="IsCurrent">True for the configuration the scenario runs.</param>
/// <param name="OnFrontier">True when no other rated point is cheaper and better.</param>
/// <param name="IsKnee">True for the knee of the frontier.</param>
/// <param name="Threshold">The confidence threshold of a cascade point, else null.</param>
/// <param name="EscalationShare">
/// Share of tasks escalated: for a cascade threshold point the share of eval items escalated, which the
/// cost uses as the cascade's <c>escalation_rate</c>; else null.
/// </param>
public sealed record LeverPoint(
    string Label,
    LeverKind Kind,
    CostPerTaskBand Cost,
    EvalQuality? Quality,
    string? NoQualityReason,
    bool IsCurrent,
    bool OnFrontier = false,
    bool IsKnee = false,
    double? Threshold = null,
    double? EscalationShare = null)
{
    /// <summary>Returns the point as the frontier and knee take it, or null when its quality is unknown.</summary>
    public OperatingPoint? ToOperatingPoint() =>
        Quality is null ? null : new OperatingPoint(Label, Cost, Quality, IsCurrent);
}
