using Tokencast.Core.Inputs;
using Tokencast.Core.Pricing;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;
using SimulationAssumption = Tokencast.Core.Simulation.BranchAssumption;

namespace Tokencast.Core.Planning;

/// <summary>
/// Compiles a parsed scenario into a <see cref="SimulationPlan"/>: prices every feature from the catalog
/// on the dates they apply, splits months at dated events, and resolves cohorts, launches, ramps, price
/// trends and budgets. Every problem found (an unknown model, a missing price) is reported at once.
/// </summary>
public static class ScenarioCompiler
{
    /// <summary>Tool execution cost line name.</summary>
    public const string ToolExecutionLine = "tool execution";

    /// <summary>Human escalation cost line name.</summary>
    public const string HumanEscalationLine = "human escalation";

    /// <summary>Compiles the named branches (all when <paramref name="branchNames"/> is empty or null).</summary>
    /// <param name="document">The parsed scenario.</param>
    /// <param name="branchNames">Branches to compile, in the order wanted.</param>
    /// <param name="catalogFile">A LiteLLM-format catalog that replaces the scenario's and the bundled one.</param>
    /// <param name="files">Source of the catalog file; null reads from disk.</param>
    public static SimulationPlan Compile(
        ScenarioDocument document,
        IReadOnlyList<string>? branchNames = null,
        string? catalogFile = null,
        IInputFiles? files = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<InputProblem>();
        var branches = SelectBranches(document, branchNames, problems);
        var plans = new List<BranchPlan>();
        foreach (var branch in branches)
        {
            try
            {
                plans.Add(CompileBranch(branch, catalogFile, files, problems));
            }
            catch (InvalidInputException exception)
            {
                problems.AddRange(exception.Problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems.Distinct().ToList());
        }

        var scenario = document.Base;
        return new SimulationPlan(scenario.Name, scenario.StartMonth, scenario.HorizonMonths, plans);
    }

    /// <summary>
    /// Returns the branches found and adds a problem for each name not found, so that the branches that
    /// exist are still compiled and their problems reported in the same pass.
    /// </summary>
    private static List<ScenarioBranch> SelectBranches(
        ScenarioDocument document, IReadOnlyList<string>? names, List<InputProblem> problems)
    {
        if (names is null || names.Count == 0)
        {
            return [.. document.Branches];
        }

        var selected = new List<ScenarioBranch>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (document.FindBranch(name) is { } branch)
            {
                selected.Add(branch);
            }
            else
            {
                var known = string.Join(", ", document.Branches.Select(b => b.Name));
                problems.Add(new InputProblem(
                    document.Base.SourceFile, null, "branches", name, $"branch not found; the scenario has: {known}"));
            }
        }

        return selected;
    }

    private static BranchPlan CompileBranch(
        ScenarioBranch branch, string? catalogFile, IInputFiles? files, List<InputProblem> problems)
    {
        var scenario = branch.Scenario;
        var catalog = ScenarioCatalog.Build(scenario, catalogFile, files);
        var costLines = new CostLineRegistry();
        var timeline = new FeatureTimeline(scenario, catalog, costLines, problems);

        var features = scenario.Features.Select(timeline.Compile).ToList();

        // Variants are compiled only to check their models and prices. Their own cost line registry keeps
        // the plan's cost lines to the models the features call.
        var variantCheck = new FeatureTimeline(scenario, catalog, new CostLineRegistry(), problems);
        foreach (var variant in scenario.Features.SelectMany(feature => feature.Variants))
        {
            variantCheck.Compile(variant.Feature);
        }

        features = features.Select(f => BookNonModelLines(f, costLines.Names.Count)).ToList();
        var cohorts = scenario.Cohorts.Select(c => CompileCohort(scenario, c)).ToList();
        var trends = CompileTrends(scenario, catalog, costLines, problems);
        var budget = Enumerable.Range(0, scenario.HorizonMonths)
            .Select(m => (double?)scenario.Budget?.LimitFor(scenario.StartMonth.AddMonths(m)))
            .ToList();

        return new BranchPlan(
            branch.Name,
            branch.Description ?? "",
            branch.Assumptions.Select(a => new SimulationAssumption(a.Path, a.BaseValue, a.BranchValue)).ToList(),
            features,
            cohorts,
            [.. costLines.Names, ToolExecutionLine, HumanEscalationLine],
            trends,
            budget,
            (double?)scenario.Budget?.TotalUsd);
    }

    /// <summary>
    /// Points the tool-execution and human-escalation lines of every regime (-1 and -2 while models are
    /// still being registered) to the two lines that follow the model lines.
    /// </summary>
    private static FeaturePlan BookNonModelLines(FeaturePlan feature, int modelLines) => feature with
    {
        Regimes = feature.Regimes
            .Select(r => r with { CostLines = r.CostLines.Select(l => l >= 0 ? l : modelLines - 1 - l).ToList() })
            .ToList(),
    };

    private static CohortPlan CompileCohort(Scenario scenario, CohortSpec cohort)
    {
        var uses = scenario.Features.Select(feature =>
        {
            var use = cohort.Features.FirstOrDefault(u => u.FeatureId == feature.Id);
            return use is null ? null : new CohortFeaturePlan(
                use.Adoption.ToUncertainNumber(),
                use.TasksPerActiveUser.ToUncertainNumber(),
                Availability.ByMonth(scenario, LaunchDate(scenario, cohort.Id, use), use.RampMonths),
                Availability.LiveFrom(scenario, LaunchDate(scenario, cohort.Id, use)));
        }).ToList();

        return new CohortPlan(cohort.Id, cohort.Users.ToUncertainNumber(), cohort.MonthlyGrowth.ToUncertainNumber(), uses);
    }

    /// <summary>Returns the later of the cohort's own launch date and the latest launch event that reaches it.</summary>
    private static DateOnly? LaunchDate(Scenario scenario, string cohortId, CohortFeatureSpec use)
    {
        var launch = use.Launch;
        foreach (var launchEvent in scenario.Events.OfType<FeatureLaunchEvent>())
        {
            if (launchEvent.FeatureId == use.FeatureId
                && (launchEvent.Cohorts.Count == 0 || launchEvent.Cohorts.Contains(cohortId))
                && (launch is null || launchEvent.Date > launch))
            {
                launch = launchEvent.Date;
            }
        }

        return launch;
    }

    private static List<PriceTrendPlan> CompileTrends(
        Scenario scenario, PriceCatalog catalog, CostLineRegistry costLines, List<InputProblem> problems)
    {
        var trends = new List<PriceTrendPlan>();
        for (var i = 0; i < scenario.Events.Count; i++)
        {
            if (scenario.Events[i] is not PriceTrendEvent trend)
            {
                continue;
            }

            IReadOnlyList<int> lines;
            if (trend.Model == PriceTrendEvent.AllModels)
            {
                lines = [.. Enumerable.Range(0, costLines.Names.Count)];
            }
            else
            {
                var key = scenario.Tiers.TryGetValue(trend.Model, out var tierModel) ? tierModel : trend.Model;
                try
                {
                    var model = catalog.Resolve(key, trend.Date).Model;
                    lines = costLines.IndexOf(model) is { } line ? [line] : [];
                }
                catch (InvalidInputException exception)
                {
                    problems.AddRange(exception.Problems.Select(p => p with
                    {
                        File = trend.Source.File, Line = trend.Source.Line, Path = trend.Source.Path + ".model",
                    }));
                    continue;
                }
            }

            var firstMonth = (trend.Date.Year - scenario.StartMonth.Year) * 12 + trend.Date.Month - scenario.StartMonth.Month;
            trends.Add(new PriceTrendPlan(trend.Source.Path, trend.MonthlyChange.ToUncertainNumber(), firstMonth, lines));
        }

        return trends;
    }
}
