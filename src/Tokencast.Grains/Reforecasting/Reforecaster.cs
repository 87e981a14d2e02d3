using System.Globalization;
using Tokencast.Core;
using Tokencast.Core.Actuals;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Planning;
using Tokencast.Core.Recalibration;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;
using Tokencast.Core.Variance;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.Reforecasting;

/// <summary>
/// The rolling reforecast: takes the actuals before the cut-off, recalibrates the scenario from them, runs
/// the forecast, stores it as a new version with its inputs, and reviews the period closed since the previous
/// version. The command line and the scheduled reforecast on the cluster both go through here.
/// </summary>
/// <param name="history">Where versions and their reviews are kept.</param>
/// <param name="store">The actuals store.</param>
public sealed class Reforecaster(FolderForecastHistory history, ActualsStore store)
{
    /// <summary>The history versions are kept in.</summary>
    public FolderForecastHistory History { get; } = history ?? throw new ArgumentNullException(nameof(history));

    /// <summary>The actuals store read.</summary>
    public ActualsStore Store { get; } = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>
    /// Checks the request, recalibrates the scenario from the actuals before the cut-off, and looks for a version
    /// that already has these inputs. <paramref name="define"/> turns the recalibrated scenario into a run;
    /// by default <see cref="Define"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">The request is invalid; carries every problem found.</exception>
    public ReforecastPlan Prepare(ReforecastRequest request, Func<ScenarioInput, Scenario, RunDefinition>? define = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ForecastHistoryRules.CheckName(request.Name);
        var problems = new List<InputProblem>(request.Review.Check());
        if (request.WindowDays is < 1 or > 366)
        {
            problems.Add(new InputProblem(null, null, "--window-days",
                request.WindowDays.ToString(CultureInfo.InvariantCulture), "must be from 1 to 366 days"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        if (!Directory.Exists(Store.Directory))
        {
            throw new InvalidInputException(new InputProblem(Store.Directory, null, "--store", null,
                "no actuals store here; import usage with tokencast ingest first, or name the store with --store"));
        }

        var previous = History.Latest(request.Name);
        CheckCutOff(request, request.Scenario.Read().Base, previous);
        var branch = request.Review.Branch;
        if (previous is not null && previous.ReadResult().Branches.All(b => b.Name != branch))
        {
            throw new InvalidInputException(new InputProblem(null, null, "--branch", branch,
                $"version {previous.Number} of {request.Name} has no such branch to explain against; use one of "
                + string.Join(", ", previous.ReadResult().Branches.Select(b => b.Name))));
        }

        var actuals = Store.ReadUsage(until: request.CutOff.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var recalibrated = Recalibrator.Recalibrate(
            request.Scenario, actuals, request.CutOff, new RecalibrationOptions { WindowDays = request.WindowDays });
        var document = recalibrated.Bundle.Read();
        if (document.FindBranch(branch) is null)
        {
            throw new InvalidInputException(new InputProblem(null, null, "--branch", branch,
                $"the scenario has no such branch; use one of {string.Join(", ", document.Branches.Select(b => b.Name))}"));
        }

        var input = ScenarioInputs.From(recalibrated.Bundle);
        var definition = (define ?? ((i, s) => Define(request, i, s)))(input, document.Base);
        var inputs = new VersionInputs(recalibrated.Bundle, [.. definition.Branches], definition.Trials, definition.Seed);
        var hash = inputs.ComputeHash();
        var existing = History.List(request.Name).FirstOrDefault(v => v.CutOff == request.CutOff && v.InputHash == hash);
        return new ReforecastPlan(request, recalibrated, definition, inputs, previous, existing);
    }

    /// <summary>
    /// Runs the forecast of <paramref name="plan"/> with <paramref name="run"/>, stores it as a new version, and
    /// reviews the period closed since the previous version's cut-off (written next to the version). Runs nothing
    /// when the plan found a version with the same inputs.
    /// </summary>
    public async Task<ReforecastOutcome> CompleteAsync(
        ReforecastPlan plan, Func<RunDefinition, CancellationToken, Task<ForecastResult>> run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(run);
        if (plan.Existing is { } existing)
        {
            return new ReforecastOutcome(plan, existing, Added: false, null, null, null);
        }

        var request = plan.Request;
        ForecastEngine.CheckSampleSize(ScenarioInputs.Compile(plan.Definition.Scenario, plan.Definition.Branches), plan.Definition.Trials);
        var result = await run(plan.Definition, cancellationToken).ConfigureAwait(false);
        var recalibrated = plan.Recalibration;
        var imports = Store.ListImports().Select(import => import.Key).ToList();
        var note = recalibrated.Overrides.Count == 0
            ? $"no value recalibrated from {recalibrated.CallsUsed:N0} calls before {Date(request.CutOff)}"
            : $"recalibrated {recalibrated.Overrides.Count} values from {recalibrated.CallsUsed:N0} calls before {Date(request.CutOff)}";
        var addition = History.Add(ForecastVersionDraft.Create(request.Name, request.CutOff, plan.Inputs, imports, note, result));
        if (!addition.Added)
        {
            return new ReforecastOutcome(plan, addition.Version, Added: false, null, null, null);
        }

        var previous = plan.Previous;
        var movement = previous is null ? null : VersionDiff.Compare(previous, addition.Version);
        PeriodReview? review = null;
        if (previous?.CutOff is not null)
        {
            var bundle = recalibrated.Bundle;
            var catalog = ScenarioCatalog.Build(bundle.Read().Base, bundle.CatalogFile, new InMemoryInputFiles(bundle.Files));
            review = PeriodReviewer.Review(previous, Store, catalog, request.CutOff, request.Review);
            ReviewFile.Write(ReviewFile.PathOf(History.Folder, request.Name, addition.Version.Number), addition.Version.Number, review);
        }

        return new ReforecastOutcome(plan, addition.Version, Added: true, result, movement, review);
    }

    /// <summary>
    /// Returns the run of a recalibrated scenario: every branch, the request's trials and seed or else the
    /// scenario's, or else <see cref="RunDefaults"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">The trials are out of range.</exception>
    public static RunDefinition Define(ReforecastRequest request, ScenarioInput input, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scenario);
        var trials = RunDefaults.TrialsFor(request.Trials, scenario.Trials);
        if (trials is < 1 or > 10_000_000)
        {
            throw new InvalidInputException(new InputProblem(null, null, request.Trials is null ? "trials" : "--trials",
                trials.ToString(CultureInfo.InvariantCulture), "trials must be between 1 and 10,000,000"));
        }

        var seed = RunDefaults.SeedFor(request.Seed, scenario.Seed);
        return new RunDefinition(input, [], trials, seed, RunMode.Aggregated, new EngineOptions().PoolTargetRelativeError,
            RunDefinition.DefaultBlockSize);
    }

    /// <summary>
    /// Rejects a cut-off outside the scenario's months or before the previous version's. No planned actuals
    /// come before the first day, and a cut-off past the last month would forecast months the scenario does
    /// not plan. Each version moves the forecast forward, so the cut-off cannot go back.
    /// </summary>
    private static void CheckCutOff(ReforecastRequest request, Scenario scenario, ForecastVersion? previous)
    {
        var end = scenario.StartMonth.AddMonths(scenario.HorizonMonths);
        if (request.CutOff <= scenario.StartMonth)
        {
            throw new InvalidInputException(new InputProblem(null, null, "--cut-off", Date(request.CutOff),
                $"is not after the scenario's first day {Date(scenario.StartMonth)}, so no actuals of the plan come before it; "
                + "move the cut-off into the scenario's months or move start_month back"));
        }

        if (request.CutOff >= end)
        {
            throw new InvalidInputException(new InputProblem(null, null, "--cut-off", Date(request.CutOff),
                $"is after the scenario's last month {end.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture)}; "
                + "move the cut-off or extend horizon_months"));
        }

        if (previous?.CutOff is { } last && request.CutOff < last)
        {
            throw new InvalidInputException(new InputProblem(null, null, "--cut-off", Date(request.CutOff),
                $"is before the cut-off {Date(last)} of version {previous.Number} of {request.Name}; a reforecast moves forward"));
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
