using Tokencast.Core.Forecasting;
using Tokencast.Core.Levers;

namespace Tokencast.Host;

/// <summary>One branch's horizon spend before and after a what-if change, as the API sends it.</summary>
/// <param name="Branch">Branch name.</param>
/// <param name="Before">Spend over the horizon as written, in USD.</param>
/// <param name="After">Spend over the horizon with the change, in USD.</param>
/// <param name="Change">After minus before at P10, P50 and P90, in USD.</param>
/// <param name="Features">Each feature of the branch, in scenario order.</param>
public sealed record BranchWhatIfView(
    string Branch, Band Before, Band After, SpendChange Change, IReadOnlyList<FeatureWhatIf> Features)
{
    /// <summary>Returns the view of <paramref name="branch"/>.</summary>
    public static BranchWhatIfView From(BranchWhatIf branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        var (p10, p50, p90) = branch.Change;
        return new BranchWhatIfView(
            branch.Branch, branch.Before, branch.After, new SpendChange(p10, p50, p90), branch.Features);
    }
}
