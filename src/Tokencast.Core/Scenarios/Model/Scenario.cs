namespace Tokencast.Core.Scenarios;

/// <summary>
/// A scenario as written in a scenario file: features, cohorts, models, prices and a dated timeline of
/// events. Branch overlays are listed in <see cref="Branches"/>; <see cref="ScenarioReader"/> resolves them.
/// </summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Description">Free text, or null.</param>
/// <param name="StartMonth">First forecast month, as the first day of that month.</param>
/// <param name="HorizonMonths">Number of forecast months, 1 to 120.</param>
/// <param name="Seed">Default random seed, or null to let the run choose.</param>
/// <param name="Trials">Default number of Monte Carlo trials, or null to let the run choose.</param>
/// <param name="CatalogPath">Full path of the LiteLLM-format price catalog, or null for the built-in one.</param>
/// <param name="Budget">Spending limits, or null.</param>
/// <param name="Tiers">Tier name (such as <c>flagship</c>) to model key.</param>
/// <param name="Prices">Local price overrides and custom models.</param>
/// <param name="Aliases">Model aliases, each possibly effective from a date.</param>
/// <param name="Features">Features in file order.</param>
/// <param name="Cohorts">Cohorts in file order.</param>
/// <param name="Events">Dated events in file order.</param>
/// <param name="Branches">Branch overlays as written; empty in a resolved branch scenario.</param>
/// <param name="CatalogModelReferences">
/// Model names that are not a tier, alias or custom model, so must be keys of the price catalog.
/// </param>
/// <param name="SourceFile">
/// Full path of the scenario file when read with <see cref="ScenarioReader.ReadFile"/>, else the file name given
/// to <see cref="ScenarioReader.Read"/>, or null.
/// </param>
public sealed record Scenario(
    string Name,
    string? Description,
    DateOnly StartMonth,
    int HorizonMonths,
    long? Seed,
    int? Trials,
    string? CatalogPath,
    BudgetSpec? Budget,
    IReadOnlyDictionary<string, string> Tiers,
    IReadOnlyList<PriceSpec> Prices,
    IReadOnlyList<AliasSpec> Aliases,
    IReadOnlyList<FeatureSpec> Features,
    IReadOnlyList<CohortSpec> Cohorts,
    IReadOnlyList<EventSpec> Events,
    IReadOnlyList<BranchSpec> Branches,
    IReadOnlyList<CatalogModelReference> CatalogModelReferences,
    string? SourceFile)
{
    /// <summary>The <c>quality</c> settings with the eval results read, or null when the file has none.</summary>
    public QualitySpec? Quality { get; init; }

    /// <summary>Returns the first day of the last forecast month.</summary>
    public DateOnly EndMonth => StartMonth.AddMonths(HorizonMonths - 1);

    /// <summary>Returns the feature with the given id, or null.</summary>
    public FeatureSpec? FindFeature(string id) => Features.FirstOrDefault(f => f.Id == id);

    /// <summary>Returns the cohort with the given id, or null.</summary>
    public CohortSpec? FindCohort(string id) => Cohorts.FirstOrDefault(c => c.Id == id);
}
