using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads the top level of a scenario document into a <see cref="Scenario"/>.</summary>
internal static class ScenarioBodyReader
{
    public static readonly string[] Keys =
    [
        "name", "description", "start_month", "horizon_months", "seed", "trials", "catalog", "budget", "models",
        "prices", "aliases", "features", "cohorts", "events", "branches", "quality",
    ];

    private static readonly string[] ExpectedBranches = ["baseline", "growth", "stretch"];

    /// <summary>
    /// Reads the document. The scenario is null when a required top-level value is missing or invalid. The
    /// branches are read in any case, so their problems are reported too.
    /// </summary>
    public static (Scenario? Scenario, List<BranchSpec> Branches) Read(YamlNode root, ParseContext context)
    {
        if (MappingReader.Open(root, "", context, "a scenario mapping with name, start_month, horizon_months", Keys)
            is not { } top)
        {
            return (null, []);
        }

        var name = top.Text("name", required: true);
        var description = top.Text("description");
        var startMonth = top.Month("start_month", required: true);
        var horizon = top.Integer("horizon_months", ValueRange.HorizonMonths, required: true);
        var seed = top.Integer("seed", ValueRange.Seed);
        var trials = top.Integer("trials", ValueRange.Trials);
        var catalog = ReadCatalogPath(top);
        var budget = BudgetReader.Read(top.Find("budget"), "budget", context);
        var tiers = TierReader.Read(top.Find("models"), "models", context);
        var prices = PriceReader.Read(top.Find("prices"), "prices", context);
        var aliases = AliasReader.Read(top.Find("aliases"), "aliases", context);
        var featureIds = new IdRegistry(context, "feature id");
        var features = FeatureReader.Read(top.Find("features"), "features", context, featureIds);
        var cohortIds = new IdRegistry(context, "cohort id");
        var cohorts = CohortReader.Read(top.Find("cohorts"), "cohorts", context, cohortIds);
        var events = EventReader.Read(top.Find("events"), "events", context);
        var branches = BranchReader.Read(top.Find("branches"), "branches", context);
        var quality = QualityReader.Read(top.Find("quality"), "quality", context);
        CheckVariantNames(features, tiers, aliases, context);
        var catalogReferences = ReferenceChecker.Check(
            context, featureIds.Ids, cohortIds.Ids, tiers, aliases, prices);

        if (name is null || startMonth is not { } start || horizon is not { } months)
        {
            return (null, branches);
        }

        var scenario = new Scenario(name, description, start, (int)months, seed, (int?)trials, catalog, budget, tiers,
            prices, aliases, features, cohorts, events, branches, catalogReferences, context.File)
        {
            Quality = quality,
        };
        WarnAboutUnusedParts(scenario, top);
        return (scenario, branches);
    }

    // The eval results file rates tiers, models and variants by name in one column. A variant that shares a
    // name with a tier, alias or model of the scenario would take that model's quality, so it is rejected.
    private static void CheckVariantNames(
        List<FeatureSpec> features, Dictionary<string, string> tiers, IReadOnlyList<AliasSpec> aliases, ParseContext context)
    {
        var models = new HashSet<string>(tiers.Values, StringComparer.Ordinal);
        models.UnionWith(aliases.SelectMany(alias => new[] { alias.Alias, alias.Model }));
        foreach (var feature in features)
        {
            string?[] named = [feature.Model, feature.Routing?.Cascade?.Cheap, feature.Routing?.Cascade?.Strong];
            models.UnionWith(named.OfType<string>());
        }

        foreach (var variant in features.SelectMany(feature => feature.Variants))
        {
            var clash = tiers.ContainsKey(variant.Name) ? "a tier name under models"
                : models.Contains(variant.Name) ? "a model or alias the scenario names"
                : null;
            if (clash is not null)
            {
                context.Problems.Add(new InputProblem(context.File, variant.Source.Line, variant.Source.Path, variant.Name,
                    $"variant name is also {clash}; rename the variant so that the model column of the eval results "
                    + "names one of them"));
            }
        }
    }

    private static string? ReadCatalogPath(MappingReader top)
    {
        if (top.Text("catalog") is not { } relative)
        {
            return null;
        }

        var fullPath = top.Context.ResolvePath(relative);
        if (!top.Context.Files.Exists(fullPath))
        {
            top.Context.Report(top.Find("catalog")!, "catalog", relative,
                $"file not found: {fullPath}; paths are relative to the scenario file");
            return null;
        }

        return fullPath;
    }

    private static void WarnAboutUnusedParts(Scenario scenario, MappingReader top)
    {
        var context = top.Context;
        if (top.Find("branches") is { } branchesNode && scenario.Branches.Count > 0)
        {
            var missing = ExpectedBranches.Where(b => scenario.Branches.All(s => s.Name != b)).ToList();
            if (missing.Count > 0)
            {
                context.Warn(branchesNode, "branches", null,
                    $"no {string.Join(", ", missing)} branch; reports compare baseline, growth and stretch");
            }
        }

        var usedFeatures = scenario.Cohorts.SelectMany(c => c.Features).Select(f => f.FeatureId).ToHashSet();
        foreach (var feature in scenario.Features.Where(f => !usedFeatures.Contains(f.Id)))
        {
            context.Warnings.Add(new InputProblem(context.File, feature.Source.Line, feature.Source.Path, feature.Id,
                "no cohort uses this feature, so it has no tasks"));
        }

        foreach (var spec in scenario.Events.Where(e => e.Date > scenario.EndMonth.AddMonths(1).AddDays(-1)))
        {
            context.Warnings.Add(new InputProblem(context.File, spec.Source.Line, spec.Source.Path + ".date",
                spec.Date.ToString("yyyy-MM-dd"), "event is after the last forecast month and has no effect"));
        }

        if (scenario.Budget is { } budget)
        {
            foreach (var month in budget.ByMonth.Keys.Where(m => m < scenario.StartMonth || m > scenario.EndMonth).Order())
            {
                context.Warnings.Add(new InputProblem(context.File, budget.Source.Line, budget.Source.Path + ".by_month",
                    month.ToString("yyyy-MM"), "budget month is outside the forecast horizon and has no effect"));
            }
        }
    }
}
