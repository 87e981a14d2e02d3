using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Grains;
using Tokencast.Grains.Reforecasting;
using Tokencast.Host.Security;

namespace Tokencast.Host;

/// <summary>
/// The API over scheduled reforecasts at <c>/api/forecasts/{name}/schedule</c>: set, read, remove, and run
/// now. The schedule grain of the forecast does the work, in the embedded silo or on the cluster. Reading
/// needs any key, and changing or running a schedule needs a planner key.
/// </summary>
public static class ScheduleApi
{
    /// <summary>
    /// Paths in the schedule grain's problems, which name the command line's options and fields, and the
    /// request fields that set them, so that a message names what the client sent.
    /// </summary>
    private static readonly ImmutableDictionary<string, string> s_requestFields = new Dictionary<string, string>
    {
        ["window_days"] = "windowDays",
        ["--window-days"] = "windowDays",
        ["alert_low"] = "alertLow",
        ["--alert-low"] = "alertLow",
        ["alert_high"] = "alertHigh",
        ["--alert-high"] = "alertHigh",
        ["--branch"] = "branch",
        ["--cut-off"] = "cutOff",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Maps the endpoints under <c>/api/forecasts/{name}/schedule</c>.</summary>
    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/forecasts/{name}/schedule").WithTags("schedules")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        var read = api.MapGroup("").RequireAuthorization(ApiKeyAuthentication.ViewerPolicy);
        var plan = api.MapGroup("").RequireAuthorization(ApiKeyAuthentication.PlannerPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        plan.MapPut("", Define)
            .WithSummary("Sets or replaces the forecast's scheduled reforecast and returns its status.")
            .Produces<ScheduleStatus>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        read.MapGet("", Status)
            .WithSummary("Returns the forecast's scheduled reforecast: its cron expression, next run and last run.")
            .Produces<ScheduleStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        plan.MapDelete("", Remove)
            .WithSummary("Removes the forecast's scheduled reforecast; its versions stay in the history.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        plan.MapPost("/run", RunNow)
            .WithSummary("Reforecasts now with the actuals before cutOff (by default the day of the latest occurrence) "
                + "and returns once the version is stored or found.")
            .Produces<ScheduleRun>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> Define(
        string name, ScheduleRequest request, IGrainFactory grains, HostLimits limits, Examples examples)
    {
        ScheduleDefinition definition;
        try
        {
            ForecastHistoryRules.CheckName(name);
            definition = Definition(request, limits, examples);
        }
        catch (InvalidInputException exception)
        {
            return InputProblems.Response(exception);
        }
        catch (ScenarioTooLargeException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The scenario is too large",
                detail: exception.Message);
        }

        try
        {
            return Results.Ok(Wire(await grains.GetGrain<IForecastScheduleGrain>(name).Define(definition)));
        }
        catch (InvalidInputException exception)
        {
            return InputProblems.Response(new InvalidInputException([.. exception.Problems.Select(RequestField)]));
        }
    }

    private static async Task<IResult> Status(string name, IGrainFactory grains) =>
        ForecastsApi.IsName(name) && await grains.GetGrain<IForecastScheduleGrain>(name).Status() is { } status
            ? Results.Ok(Wire(status))
            : NoSchedule(name);

    private static async Task<IResult> Remove(string name, IGrainFactory grains) =>
        ForecastsApi.IsName(name) && await grains.GetGrain<IForecastScheduleGrain>(name).Remove()
            ? Results.NoContent()
            : NoSchedule(name);

    private static async Task<IResult> RunNow(string name, ScheduleRunRequest? request, IGrainFactory grains)
    {
        if (!ForecastsApi.IsName(name))
        {
            return NoSchedule(name);
        }

        var schedule = grains.GetGrain<IForecastScheduleGrain>(name);
        if (await schedule.Status() is null)
        {
            return NoSchedule(name);
        }

        try
        {
            return Results.Ok(Wire(await schedule.RunNow(request?.CutOff)));
        }
        catch (InvalidInputException exception)
        {
            return InputProblems.Response(new InvalidInputException([.. exception.Problems.Select(RequestField)]));
        }
    }

    /// <summary>Builds the grain's definition from a request, with the defaults of <see cref="ScheduleDefinition"/>.</summary>
    /// <exception cref="InvalidInputException">The scenario is invalid or the trials are above the host's limit.</exception>
    /// <exception cref="ScenarioTooLargeException">The scenario text is above the size limit.</exception>
    private static ScheduleDefinition Definition(ScheduleRequest request, HostLimits limits, Examples examples)
    {
        var (input, scenarioTrials, _) = SubmittedScenarios.Resolve(request.Scenario, request.Example, limits, examples, null);
        var trials = RunDefaults.TrialsFor(request.Trials, scenarioTrials);
        if (trials > limits.MaxTrials)
        {
            throw new InvalidInputException(new InputProblem(null, null, "trials", trials.ToString(CultureInfo.InvariantCulture),
                $"trials must be at most {limits.MaxTrials:N0}, the most this host runs per branch"));
        }

        var defaults = new ScheduleDefinition(input);
        return defaults with
        {
            Cron = request.Cron ?? defaults.Cron,
            WindowDays = request.WindowDays ?? defaults.WindowDays,
            Trials = request.Trials,
            Seed = request.Seed,
            Branch = request.Branch ?? defaults.Branch,
            AlertLow = request.AlertLow ?? defaults.AlertLow,
            AlertHigh = request.AlertHigh ?? defaults.AlertHigh,
        };
    }

    private static InputProblem RequestField(InputProblem problem) =>
        problem.Path is { } path && s_requestFields.TryGetValue(path, out var field) ? problem with { Path = field } : problem;

    // A default ImmutableArray cannot be written as JSON, so a run without alerts is sent with an empty list.
    private static ScheduleRun Wire(ScheduleRun run) => run.Alerts.IsDefault ? run with { Alerts = [] } : run;

    private static ScheduleStatus Wire(ScheduleStatus status) =>
        status.LastRun is { } last ? status with { LastRun = Wire(last) } : status;

    private static IResult NoSchedule(string name) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Schedule not found",
            detail: $"{ForecastsApi.Cut(name)} has no scheduled reforecast; set one with PUT /api/forecasts/NAME/schedule");
}
