using System.Collections.Immutable;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;
using Tokencast.Grains;
using Tokencast.Grains.Runs;
using Tokencast.Host.Security;

namespace Tokencast.Host;

/// <summary>
/// The REST API under <c>/api/</c>: examples, scenario validation, and starting, listing, reading and
/// cancelling runs. Reading needs any key; validating, starting and cancelling need a planner key.
/// </summary>
public static class RunsApi
{
    /// <summary>Most runs the run list returns.</summary>
    public const int ListLength = 100;

    /// <summary>Maps the API's endpoints.</summary>
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api").WithTags("runs");
        var read = api.MapGroup("").RequireAuthorization(ApiKeyAuthentication.ViewerPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        var plan = api.MapGroup("").RequireAuthorization(ApiKeyAuthentication.PlannerPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        read.MapGet("/me", (ClaimsPrincipal user) => new KeyView(
                user.Identity?.Name ?? "", user.IsInRole(ApiKeyAuthentication.RoleName(ApiRole.Planner)) ? ApiRole.Planner : ApiRole.Viewer))
            .WithSummary("Returns the name and role of the key sent, so that a client can offer only what the key may do.");
        read.MapGet("/examples", (Examples examples) => examples.List())
            .WithSummary("Lists the scenarios this host offers by name.");
        plan.MapPost("/scenarios/validate", Validate)
            .WithSummary("Checks a scenario with the command line's checks and lists its branches.")
            .Produces<ScenarioCheck>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        plan.MapPost("/runs", StartRun)
            .WithSummary("Starts a run of a scenario or an example, or returns the run these inputs already have.")
            .Produces<RunStatus>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        read.MapGet("/runs", ListRuns)
            .WithSummary($"Lists the latest runs, newest first (at most {ListLength}).");
        read.MapGet("/runs/{id}", GetRun)
            .WithSummary("Returns a run's status with its partial bands per branch and month.")
            .Produces<RunStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/runs/{id}/plan", GetPlan)
            .WithSummary("Returns what a run forecasts: months, branches, their assumptions and budgets.")
            .Produces<RunPlanView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/runs/{id}/bands", GetBands)
            .WithSummary("Returns a completed run's bands as JSON (format=json, the default) or CSV (format=csv).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        plan.MapPost("/runs/{id}/cancel", CancelRun)
            .WithSummary("Stops a running run.")
            .Produces<RunStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static IResult Validate(SubmittedScenario scenario, HostLimits limits)
    {
        try
        {
            var (_, document) = SubmittedScenarios.Check(scenario, limits, textPath: "text");
            return Results.Ok(new ScenarioCheck(
                document.Base.Name,
                [.. document.Branches.Select(b => b.Name)],
                [.. document.Warnings.Select(w => w.ToString())]));
        }
        catch (InvalidInputException exception)
        {
            return Problem(exception);
        }
        catch (ScenarioTooLargeException exception)
        {
            return TooLarge(exception);
        }
    }

    private static async Task<IResult> StartRun(RunRequest request, IGrainFactory grains, HostLimits limits, Examples examples, PlanCache plans)
    {
        RunDefinition definition;
        try
        {
            definition = SubmittedScenarios.Define(request, limits, examples);
        }
        catch (InvalidInputException exception)
        {
            return Problem(exception);
        }
        catch (ScenarioTooLargeException exception)
        {
            return TooLarge(exception);
        }

        var id = definition.ForecastId();
        var run = grains.GetGrain<IRunGrain>(id);
        if (await run.GetDefinition() is not null && await run.GetStatus() is { State: RunState.Running or RunState.Completed } existing)
        {
            return Results.Accepted($"/api/runs/{id}", existing);
        }

        var plan = plans.Get(definition);
        try
        {
            ForecastEngine.CheckSampleSize(plan, definition.Trials);
            RunFootprint.Check(plan, definition.Trials, limits.MaxRunBytes);
        }
        catch (InvalidInputException exception)
        {
            return Problem(exception);
        }

        var entry = new RunEntry(id, plan.Name, [.. plan.Branches.Select(b => b.Name)], definition.Trials, definition.Seed,
            DateTimeOffset.UtcNow, RunState.Running, null);
        var index = grains.GetGrain<IRunIndexGrain>(RunIndex.Key);
        var admission = await index.Admit(entry, limits.MaxConcurrentRuns);
        if (!admission.Admitted)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many runs are going on",
                detail: $"{RunsGoingOn(admission.Running)}, the most this host allows at once ({limits.MaxConcurrentRuns}); "
                    + "wait for one to finish or cancel one");
        }

        try
        {
            var status = await run.Start(definition);
            return Results.Accepted($"/api/runs/{id}", status);
        }
        catch
        {
            await index.Finished(id, RunState.Failed, null);
            throw;
        }
    }

    private static async Task<IEnumerable<RunSummary>> ListRuns(IGrainFactory grains)
    {
        var entries = await grains.GetGrain<IRunIndexGrain>(RunIndex.Key).List(ListLength);
        return await Task.WhenAll(entries.Select(async entry =>
        {
            var status = await grains.GetGrain<IRunGrain>(entry.RunId).GetStatus();
            return new RunSummary(entry.RunId, entry.Scenario, entry.Branches, entry.Trials, status.TrialsDone, status.State,
                entry.StartedAt, status.ConvergedAtTrials);
        }));
    }

    private static async Task<IResult> GetRun(string id, IGrainFactory grains)
    {
        if (!IsRunId(id))
        {
            return NotFound(id);
        }

        var run = grains.GetGrain<IRunGrain>(id);
        return await run.GetDefinition() is null ? NotFound(id) : Results.Ok(await run.GetStatus());
    }

    private static async Task<IResult> GetPlan(string id, IGrainFactory grains, PlanCache plans)
    {
        if (!IsRunId(id))
        {
            return NotFound(id);
        }

        var definition = await grains.GetGrain<IRunGrain>(id).GetDefinition();
        if (definition is null)
        {
            return NotFound(id);
        }

        try
        {
            return Results.Ok(RunPlanView.From(plans.Get(definition)));
        }
        catch (InvalidInputException exception)
        {
            return Problem(exception);
        }
    }

    private static async Task<IResult> GetBands(string id, string? format, IGrainFactory grains)
    {
        if (!IsRunId(id))
        {
            return NotFound(id);
        }

        var run = grains.GetGrain<IRunGrain>(id);
        if (await run.GetDefinition() is null)
        {
            return NotFound(id);
        }

        format = format?.ToLowerInvariant();
        if (format is not (null or "json" or "csv"))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown format",
                detail: $"format: {Shorten(format)} is not a format; use json or csv");
        }

        if (await run.GetResult() is not { } result)
        {
            var status = await run.GetStatus();
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The run has no bands yet",
                detail: $"run {id} is {status.State.ToString().ToLowerInvariant()} with {status.TrialsDone} of {status.Trials} trials done");
        }

        return format == "csv"
            ? Results.Text(Csv(result), "text/csv", Encoding.UTF8)
            : Results.Bytes(Json(result), "application/json");
    }

    private static async Task<IResult> CancelRun(string id, IGrainFactory grains)
    {
        if (!IsRunId(id))
        {
            return NotFound(id);
        }

        var run = grains.GetGrain<IRunGrain>(id);
        return await run.GetDefinition() is null ? NotFound(id) : Results.Ok(await run.Cancel());
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Run not found", detail: $"no run has the id {Shorten(id)}");

    /// <summary>
    /// Returns whether <paramref name="id"/> has the form of a run id, 24 lower-case hex digits as
    /// <see cref="RunDefinition.ForecastId"/> makes them, so that other ids never reach a grain.
    /// </summary>
    private static bool IsRunId(string id) => id.Length == 24 && id.All(char.IsAsciiHexDigitLower);

    /// <summary>Cuts a value from the request to 40 characters for messages, marking the cut with "...".</summary>
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";

    private static string RunsGoingOn(int running) => running == 1 ? "1 run is going on" : $"{running} runs are going on";

    private static IResult TooLarge(ScenarioTooLargeException exception) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The scenario is too large", detail: exception.Message);

    private static IResult Problem(InvalidInputException exception) => InputProblems.Response(exception);

    private static byte[] Json(ForecastResult result)
    {
        using var stream = new MemoryStream();
        BandsJsonWriter.Write(result, stream);
        return stream.ToArray();
    }

    private static string Csv(ForecastResult result)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        BandsCsvWriter.Write(result, writer);
        return writer.ToString();
    }
}
