using Tokencast.Core.Levers;
using Tokencast.Core.Scenarios;

namespace Tokencast.Host;

/// <summary>
/// A what-if comparison as the API sends it: <see cref="WhatIfResult"/> with each branch's change in
/// horizon spend as named fields.
/// </summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="FirstMonth">First day of the first forecast month; cost per task is for this month.</param>
/// <param name="Months">Months in the horizon.</param>
/// <param name="Trials">Trials per branch of each run.</param>
/// <param name="Seed">Seed of both runs.</param>
/// <param name="Sets">The changes applied, in the order given.</param>
/// <param name="Branches">Each branch compared, in scenario order.</param>
public sealed record WhatIfView(
    string Scenario,
    DateOnly FirstMonth,
    int Months,
    int Trials,
    ulong Seed,
    IReadOnlyList<SetOverride> Sets,
    IReadOnlyList<BranchWhatIfView> Branches)
{
    /// <summary>Returns the view of <paramref name="result"/>.</summary>
    public static WhatIfView From(WhatIfResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new WhatIfView(
            result.Scenario,
            result.FirstMonth,
            result.Months,
            result.Trials,
            result.Seed,
            result.Overrides,
            [.. result.Branches.Select(BranchWhatIfView.From)]);
    }
}
