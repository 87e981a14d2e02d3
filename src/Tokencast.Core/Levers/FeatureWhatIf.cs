using Tokencast.Core.Forecasting;
using Tokencast.Core.Quality;

namespace Tokencast.Core.Levers;

/// <summary>One feature of a branch before and after a what-if change.</summary>
/// <param name="Feature">Feature id.</param>
/// <param name="Changed">True when the change alters any task model of the feature in the branch.</param>
/// <param name="Before">Cost per task in the first month as written, or null when the feature is new.</param>
/// <param name="After">Cost per task in the first month with the change, or null when a set removed it.</param>
/// <param name="QualityBefore">Quality as written, for a changed feature that the eval results rate; else null.</param>
/// <param name="QualityAfter">Quality with the change, for a changed feature that the eval results rate; else null.</param>
/// <param name="NoQualityReason">Why a changed feature lacks a quality before or after, else null.</param>
public sealed record FeatureWhatIf(
    string Feature,
    bool Changed,
    FeatureTaskCost? Before,
    FeatureTaskCost? After,
    EvalQuality? QualityBefore,
    EvalQuality? QualityAfter,
    string? NoQualityReason);
