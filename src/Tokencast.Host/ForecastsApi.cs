using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tokencast.Core;
using Tokencast.Core.Actuals;
using Tokencast.Core.History;
using Tokencast.Core.Reporting;
using Tokencast.Core.Variance;
using Tokencast.Host.Security;

namespace Tokencast.Host;

/// <summary>
/// The read-only API over the tracked forecasts and the actuals the host was given: versions with their
/// alerts, bands and period reviews, comparisons of two versions, and actual spend by week or month. Any key
/// may read it.
/// </summary>
public static class ForecastsApi
{
    /// <summary>Maps the endpoints under <c>/api/forecasts</c> and <c>/api/actuals</c>.</summary>
    public static IEndpointRouteBuilder MapForecastsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var read = endpoints.MapGroup("/api").WithTags("forecasts")
            .RequireAuthorization(ApiKeyAuthentication.ViewerPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        read.MapGet("/forecasts", (FolderForecastHistory history) => history.Names()
                .Select(name => history.Latest(name))
                .OfType<ForecastVersion>()
                .Select(latest => new ForecastSummary(latest.Name, latest.Number, latest.CutOff, latest.CreatedAt)))
            .WithSummary("Lists the tracked forecasts with their latest version.");
        read.MapGet("/forecasts/{name}/versions", Versions)
            .WithSummary("Lists the versions of a tracked forecast, oldest first, with their alerts.")
            .Produces<VersionSummary[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/forecasts/{name}/versions/{number:int}/bands", Bands)
            .WithSummary("Returns a version's bands as JSON (format=json, the default) or CSV (format=csv).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/forecasts/{name}/versions/{number:int}/review", Review)
            .WithSummary("Returns the review of the period a version closed: actual against forecast spend split "
                + "into five Shapley parts per feature, the weeks checked against the band, and the alerts.")
            .Produces<PeriodReview>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/forecasts/{name}/diff", Diff)
            .WithSummary("Compares two versions per branch, month and feature (from and to are version numbers).")
            .Produces<VersionDiff>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/actuals/spend", Spend)
            .WithSummary("Returns estimated spend, tasks and cost per task of the stored actuals per feature and week or month.")
            .Produces<CostPerTaskPoint[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static IResult Versions(string name, FolderForecastHistory history)
    {
        if (!IsName(name))
        {
            return NoForecast(name, history);
        }

        var versions = history.List(name);
        return versions.Count == 0
            ? NoForecast(name, history)
            : Results.Ok(versions.Select(version => new VersionSummary(
                version.Number,
                version.CutOff,
                version.CreatedAt,
                version.Inputs.Trials,
                version.Inputs.Seed,
                version.Note,
                version.ImportIds,
                ReviewFile.Read(ReviewFile.PathOf(history.Folder, name, version.Number))?.Alerts ?? [])));
    }

    private static IResult Bands(string name, int number, string? format, FolderForecastHistory history)
    {
        if (!IsName(name))
        {
            return NoForecast(name, history);
        }

        if (history.GetVersion(name, number) is not { } version)
        {
            return history.List(name).Count == 0 ? NoForecast(name, history) : NoVersion(name, number, history);
        }

        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            BandsCsvWriter.Write(version.ReadResult(), writer);
            return Results.Text(writer.ToString(), "text/csv", Encoding.UTF8);
        }

        return format is null || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? Results.Bytes(version.BandsJson.ToArray(), "application/json")
            : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format",
                detail: $"format: {format} is not a format; use json or csv");
    }

    private static IResult Review(string name, int number, FolderForecastHistory history)
    {
        if (!IsName(name))
        {
            return NoForecast(name, history);
        }

        if (history.GetVersion(name, number) is null)
        {
            return history.List(name).Count == 0 ? NoForecast(name, history) : NoVersion(name, number, history);
        }

        return ReviewFile.Read(ReviewFile.PathOf(history.Folder, name, number)) is { } review
            ? Results.Ok(review)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Review not found",
                detail: $"version {number} of {name} closed no period: it is the first version or was made without actuals");
    }

    private static IResult Diff(string name, int from, int to, FolderForecastHistory history)
    {
        if (!IsName(name))
        {
            return NoForecast(name, history);
        }

        var older = history.GetVersion(name, from);
        var newer = history.GetVersion(name, to);
        if (older is null || newer is null)
        {
            return history.List(name).Count == 0 ? NoForecast(name, history) : NoVersion(name, older is null ? from : to, history);
        }

        return Results.Ok(VersionDiff.Compare(older, newer));
    }

    private static IResult Spend(string? period, DateOnly? from, DateOnly? until, ActualsStore store)
    {
        var series = period switch
        {
            null or "week" => SeriesPeriod.IsoWeek,
            "month" => SeriesPeriod.Month,
            _ => (SeriesPeriod?)null,
        };
        if (series is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown period",
                detail: $"period: {period} is not a period; use week or month");
        }

        if (!Directory.Exists(store.Directory))
        {
            return Results.Ok(Array.Empty<CostPerTaskPoint>());
        }

        var calls = store.ReadUsage(
            from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), until?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        return Results.Ok(CostPerTaskSeries.Build(TaskActuals.FromCalls(calls), series.Value));
    }

    private static IResult NoForecast(string name, FolderForecastHistory history)
    {
        var names = history.Names();
        return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Forecast not found",
            detail: names.Count == 0
                ? $"no forecast is named {Cut(name)}; this host's history has none yet"
                : $"no forecast is named {Cut(name)}; the history has {string.Join(", ", names)}");
    }

    private static IResult NoVersion(string name, int number, FolderForecastHistory history) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Version not found",
            detail: $"{Cut(name)} has no version {number}; it has versions 1 to {history.List(name).Count}");

    /// <summary>Returns whether <paramref name="name"/> can name a forecast, so that no other path is read.</summary>
    internal static bool IsName(string name)
    {
        try
        {
            ForecastHistoryRules.CheckName(name);
            return true;
        }
        catch (InvalidInputException)
        {
            return false;
        }
    }

    /// <summary>Cuts a value from the request to 40 characters for messages, marking the cut with "...".</summary>
    internal static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
