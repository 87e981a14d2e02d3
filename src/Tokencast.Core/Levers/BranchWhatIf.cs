using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Levers;

/// <summary>One branch's spend over the horizon before and after a what-if change.</summary>
/// <param name="Branch">Branch name.</param>
/// <param name="Before">Spend over the horizon as written, in USD.</param>
/// <param name="After">Spend over the horizon with the change, in USD.</param>
/// <param name="Features">Each feature of the branch, in scenario order.</param>
public sealed record BranchWhatIf(string Branch, Band Before, Band After, IReadOnlyList<FeatureWhatIf> Features)
{
    /// <summary>After minus before at P10, P50 and P90, in USD.</summary>
    public (double P10, double P50, double P90) Change =>
        (After.P10 - Before.P10, After.P50 - Before.P50, After.P90 - Before.P90);
}
