namespace Tokencast.Core.Simulation;

/// <summary>
/// Which per-trial assumptions a branch shares with a reference branch: cohorts with the same users and
/// growth, cohort-features with the same adoption and tasks per user, and price trends when all are the same
/// on the same cost lines. Shared values are copied from the reference branch's draws instead of drawn again.
/// </summary>
internal sealed record SharedAssumptions(bool[] Cohorts, bool[] Uses, bool Trends)
{
    /// <summary>Compares two branches, or returns null when their features or cohorts differ in order.</summary>
    public static SharedAssumptions? Find(BranchPlan reference, BranchPlan branch)
    {
        if (!reference.Features.Select(f => f.Id).SequenceEqual(branch.Features.Select(f => f.Id))
            || !reference.Cohorts.Select(c => c.Id).SequenceEqual(branch.Cohorts.Select(c => c.Id)))
        {
            return null;
        }

        var features = branch.Features.Count;
        var cohorts = new bool[branch.Cohorts.Count];
        var uses = new bool[branch.Cohorts.Count * features];
        for (var c = 0; c < cohorts.Length; c++)
        {
            var a = reference.Cohorts[c];
            var b = branch.Cohorts[c];
            cohorts[c] = a.Users.Describe() == b.Users.Describe() && a.MonthlyGrowth.Describe() == b.MonthlyGrowth.Describe();
            for (var f = 0; f < features; f++)
            {
                uses[c * features + f] = (a.Features[f], b.Features[f]) switch
                {
                    (null, null) => true,
                    ({ } x, { } y) => x.Adoption.Describe() == y.Adoption.Describe()
                        && x.TasksPerActiveUser.Describe() == y.TasksPerActiveUser.Describe(),
                    _ => false,
                };
            }
        }

        var trends = reference.CostLines.SequenceEqual(branch.CostLines)
            && reference.PriceTrends.Count == branch.PriceTrends.Count
            && reference.PriceTrends.Zip(branch.PriceTrends).All(pair =>
                pair.First.Id == pair.Second.Id
                && pair.First.MonthlyChange.Describe() == pair.Second.MonthlyChange.Describe()
                && pair.First.FirstMonth == pair.Second.FirstMonth
                && pair.First.CostLines.SequenceEqual(pair.Second.CostLines));
        return new SharedAssumptions(cohorts, uses, trends);
    }
}
