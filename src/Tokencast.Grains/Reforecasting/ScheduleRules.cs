using System.Globalization;
using Tokencast.Core;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Variance;

namespace Tokencast.Grains.Reforecasting;

/// <summary>
/// The checks a scheduled reforecast passes before it is stored, shared by the grain and the command line.
/// </summary>
public static class ScheduleRules
{
    /// <summary>The most trials per branch a schedule may ask for, as a reforecast allows.</summary>
    public const int MaxTrials = 10_000_000;

    /// <summary>
    /// Checks the forecast name and every field of <paramref name="definition"/>, and returns its parsed cron
    /// expression. Errors name the field (<c>cron</c>, <c>window_days</c>, <c>trials</c>, <c>branch</c>,
    /// <c>alert_low</c>, <c>alert_high</c>), the value and what is allowed.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The definition is invalid; carries every problem found.
    /// </exception>
    public static CronSchedule Check(string name, ScheduleDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ForecastHistoryRules.CheckName(name);
        var problems = new List<InputProblem>();
        CronSchedule? schedule = null;
        try
        {
            schedule = CronSchedule.ParseRecurring(definition.Cron, now);
        }
        catch (InvalidInputException exception)
        {
            problems.AddRange(exception.Problems);
        }

        if (definition.WindowDays is < 1 or > 366)
        {
            problems.Add(new InputProblem(null, null, "window_days", Number(definition.WindowDays),
                "must be from 1 to 366 days"));
        }

        if (definition.Trials is < 1 or > MaxTrials)
        {
            problems.Add(new InputProblem(null, null, "trials", Number(definition.Trials.Value),
                $"must be from 1 to {MaxTrials:N0}, or left out for the scenario's trials"));
        }

        problems.AddRange(new ReviewSettings(definition.Branch, definition.AlertLow, definition.AlertHigh)
            .Check("alert_low", "alert_high"));
        problems.AddRange(CheckBranch(definition));
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return schedule!;
    }

    /// <summary>
    /// Returns the scenario's own problems, or a problem when it lacks the branch to review against.
    /// </summary>
    private static IReadOnlyList<InputProblem> CheckBranch(ScheduleDefinition definition)
    {
        var input = definition.Scenario
            ?? throw new ArgumentException("The definition has no scenario.", nameof(definition));
        try
        {
            var document = new ScenarioBundle(input.MainFile, input.Files, input.CatalogFile).Read();
            if (document.FindBranch(definition.Branch) is not null)
            {
                return [];
            }

            var branches = string.Join(", ", document.Branches.Select(b => b.Name));
            return [new InputProblem(input.MainFile, null, "branch", definition.Branch,
                $"the scenario has no such branch; use one of {branches}")];
        }
        catch (InvalidInputException exception)
        {
            return exception.Problems;
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
