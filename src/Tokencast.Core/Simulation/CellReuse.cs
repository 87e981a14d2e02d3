namespace Tokencast.Core.Simulation;

/// <summary>
/// Finds the feature-cohort cells that a branch shares with a reference branch. A cell is shared when its
/// feature has the same task-cost pools, month segments and cost lines, and its cohort the same users,
/// growth, adoption, tasks per user and availability. Random streams are keyed by trial, feature and cohort
/// and not by branch, so a shared cell draws exactly the same spend in both branches.
/// </summary>
internal static class CellReuse
{
    /// <summary>
    /// Returns, per cell (feature × cohort count + cohort), whether <paramref name="branch"/> can replay it
    /// from <paramref name="reference"/>, or null when the branches differ in shape and nothing is shared.
    /// Cost lines are matched by name, so a branch that adds or drops a model still shares the other cells.
    /// </summary>
    public static bool[]? Find(BranchPlan reference, TaskCostPool[][] referencePools, BranchPlan branch, TaskCostPool[][] pools)
    {
        if (!SameShape(reference, branch))
        {
            return null;
        }

        var features = branch.Features.Count;
        var cohorts = branch.Cohorts.Count;
        var featureSame = Enumerable.Range(0, features)
            .Select(f => SameFeature(reference, referencePools[f], f, branch, pools[f]))
            .ToArray();
        var cohortSame = Enumerable.Range(0, cohorts)
            .Select(c => SameCohort(reference.Cohorts[c], branch.Cohorts[c]))
            .ToArray();

        var reuse = new bool[features * cohorts];
        for (var f = 0; f < features; f++)
        {
            for (var c = 0; c < cohorts; c++)
            {
                reuse[f * cohorts + c] = featureSame[f] && cohortSame[c]
                    && SameUse(reference.Cohorts[c].Features[f], branch.Cohorts[c].Features[f]);
            }
        }

        return reuse;
    }

    /// <summary>Maps each cost line of <paramref name="branch"/> to the line of the same name in <paramref name="reference"/>, or -1.</summary>
    public static int[] MapCostLines(BranchPlan reference, BranchPlan branch) =>
        branch.CostLines.Select(name => reference.CostLines.ToList().IndexOf(name)).ToArray();

    private static bool SameShape(BranchPlan reference, BranchPlan branch) =>
        reference.Features.Select(f => f.Id).SequenceEqual(branch.Features.Select(f => f.Id))
        && reference.Cohorts.Select(c => c.Id).SequenceEqual(branch.Cohorts.Select(c => c.Id))
        && reference.PriceTrends.Select(t => Describe(reference, t)).SequenceEqual(branch.PriceTrends.Select(t => Describe(branch, t)));

    private static string Describe(BranchPlan branch, PriceTrendPlan trend) =>
        $"{trend.Id}|{trend.MonthlyChange.Describe()}|{trend.FirstMonth}|"
        + string.Join(',', trend.CostLines.Select(line => branch.CostLines[line]).Order(StringComparer.Ordinal));

    private static bool SameFeature(
        BranchPlan referenceBranch, TaskCostPool[] referencePools, int index, BranchPlan branch, TaskCostPool[] pools)
    {
        var reference = referenceBranch.Features[index];
        var feature = branch.Features[index];
        return referencePools.Length == pools.Length
            && referencePools.Zip(pools).All(pair => ReferenceEquals(pair.First, pair.Second))
            && reference.Regimes.Zip(feature.Regimes).All(pair =>
                pair.First.CostLines.Select(line => referenceBranch.CostLines[line])
                    .SequenceEqual(pair.Second.CostLines.Select(line => branch.CostLines[line])))
            && reference.Months.Zip(feature.Months).All(pair => pair.First.SequenceEqual(pair.Second));
    }

    private static bool SameCohort(CohortPlan reference, CohortPlan cohort) =>
        reference.Users.Describe() == cohort.Users.Describe()
        && reference.MonthlyGrowth.Describe() == cohort.MonthlyGrowth.Describe();

    private static bool SameUse(CohortFeaturePlan? reference, CohortFeaturePlan? use) =>
        (reference, use) switch
        {
            (null, null) => true,
            ({ } a, { } b) => a.Adoption.Describe() == b.Adoption.Describe()
                && a.TasksPerActiveUser.Describe() == b.TasksPerActiveUser.Describe()
                && a.AvailableShare.SequenceEqual(b.AvailableShare)
                && (a.LiveFrom ?? []).SequenceEqual(b.LiveFrom ?? []),
            _ => false,
        };
}
