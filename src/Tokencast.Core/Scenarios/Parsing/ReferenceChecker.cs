namespace Tokencast.Core.Scenarios;

/// <summary>
/// Checks the feature and cohort ids a scenario refers to, and sorts model names into tiers, aliases, custom
/// models and catalog keys.
/// </summary>
internal static class ReferenceChecker
{
    /// <summary>Reports unknown ids and returns the model names that must be keys of the price catalog.</summary>
    public static List<CatalogModelReference> Check(
        ParseContext context,
        IReadOnlyCollection<string> featureIds,
        IReadOnlyCollection<string> cohortIds,
        IReadOnlyDictionary<string, string> tiers,
        IReadOnlyList<AliasSpec> aliases,
        IReadOnlyList<PriceSpec> prices)
    {
        var aliasNames = aliases.Select(a => a.Alias).ToHashSet();
        var customModels = prices.Select(p => p.Model).ToHashSet();
        var named = tiers.Keys.Concat(aliasNames).ToList();
        var catalogReferences = new List<CatalogModelReference>();
        foreach (var reference in context.References)
        {
            switch (reference.Kind)
            {
                case ReferenceKind.Feature:
                    CheckId(context, reference, featureIds, "feature");
                    break;
                case ReferenceKind.Cohort:
                    CheckId(context, reference, cohortIds, "cohort");
                    break;
                case ReferenceKind.CatalogOverride:
                    catalogReferences.Add(Locate(context, reference));
                    break;
                default:
                    if (tiers.ContainsKey(reference.Name) || aliasNames.Contains(reference.Name)
                        || customModels.Contains(reference.Name))
                    {
                        break;
                    }

                    WarnIfMisspelt(context, reference, named);
                    catalogReferences.Add(Locate(context, reference));
                    break;
            }
        }

        foreach (var alias in aliases.Where(a => tiers.ContainsKey(a.Alias)))
        {
            context.Problems.Add(new InputProblem(context.File, alias.Source.Line, alias.Source.Path + ".alias",
                alias.Alias, "alias has the same name as a tier in models; rename one of them"));
        }

        return catalogReferences;
    }

    private static void CheckId(ParseContext context, ReferenceUse reference, IReadOnlyCollection<string> ids,
        string what)
    {
        if (ids.Contains(reference.Name))
        {
            return;
        }

        var known = ids.Count == 0 ? "none are defined" : $"defined: {string.Join(", ", ids)}";
        context.Report(reference.Node, reference.Path, reference.Name,
            $"unknown {what} id{KeySuggestion.Hint(reference.Name, ids)}; {known}");
    }

    // A misspelt tier falls through to the catalog, where it fails later with a less helpful message.
    private static void WarnIfMisspelt(ParseContext context, ReferenceUse reference, List<string> named)
    {
        if (KeySuggestion.Closest(reference.Name, named) is { } closest)
        {
            context.Warn(reference.Node, reference.Path, reference.Name,
                $"not a tier or alias, so it is looked up in the price catalog; did you mean '{closest}'?");
        }
    }

    private static CatalogModelReference Locate(ParseContext context, ReferenceUse reference) =>
        new(reference.Name, context.Locate(reference.Node, reference.Path));
}
