using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;
using Tokencast.Grains;

namespace Tokencast.Host;

/// <summary>The REST API under <c>/api/</c>: validate a scenario, start, watch, read and cancel runs.</summary>
public static class RunsApi
{
    /// <summary>Maps the API's endpoints.</summary>
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api");
        api.MapPost("/scenarios/validate", Validate);
        api.MapPost("/runs", StartRun);
        api.MapGet("/runs/{id}", GetRun);
        api.MapGet("/runs/{id}/bands", GetBands);
        api.MapPost("/runs/{id}/cancel", CancelRun);
        return endpoints;
    }

    private static IResult Validate(SubmittedScenario scenario)
    {
        try
        {
            var (_, document) = SubmittedScenarios.Check(scenario);
            return Results.Ok(new
            {
                name = document.Base.Name,
                branches = document.Branches.Select(b => b.Name).ToArray(),
                warnings = document.Warnings.Select(w => w.ToString()).ToArray(),
            });
        }
        catch (InvalidInputException exception)
        {
            return Problem(exception);
        }
    }

    private static async Task<IResult> StartRun(RunRequest request, IGrainFactory grains)
    {
        RunDefinition definition;
        try
        {
            definition = SubmittedScenarios.Define(request);
        }
        catch (InvalidInputException exception)
        {
            return Problem(exception);
        }

        var status = await grains.GetGrain<IRunGrain>(definition.ForecastId()).Start(definition);
        return Results.Accepted($"/api/runs/{status.RunId}", status);
    }

    private static async Task<IResult> GetRun(string id, IGrainFactory grains)
    {
        var run = grains.GetGrain<IRunGrain>(id);
        return await run.GetDefinition() is null ? NotFound(id) : Results.Ok(await run.GetStatus());
    }

    private static async Task<IResult> GetBands(string id, string? format, IGrainFactory grains)
    {
        var run = grains.GetGrain<IRunGrain>(id);
        if (await run.GetDefinition() is null)
        {
            return NotFound(id);
        }

        if (await run.GetResult() is not { } result)
        {
            var status = await run.GetStatus();
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The run has no bands yet",
                detail: $"run {id} is {status.State.ToString().ToLowerInvariant()} with {status.TrialsDone} of {status.Trials} trials done");
        }

        return format switch
        {
            null or "json" => Results.Bytes(Json(result), "application/json"),
            "csv" => Results.Text(Csv(result), "text/csv", Encoding.UTF8),
            _ => Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown format",
                detail: $"format: {format} is not a format; use json or csv"),
        };
    }

    private static async Task<IResult> CancelRun(string id, IGrainFactory grains)
    {
        var run = grains.GetGrain<IRunGrain>(id);
        return await run.GetDefinition() is null ? NotFound(id) : Results.Ok(await run.Cancel());
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Run not found", detail: $"no run has the id {id}");

    /// <summary>Returns RFC 7807 problem details carrying every input problem, with the command line's messages.</summary>
    private static IResult Problem(InvalidInputException exception) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The input is invalid",
            detail: string.Join("\n", exception.Problems.Select(p => p.ToString())),
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = exception.Problems
                    .Select(p => new { file = p.File, line = p.Line, path = p.Path, value = p.Value, message = p.Message, text = p.ToString() })
                    .ToArray(),
            });

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
