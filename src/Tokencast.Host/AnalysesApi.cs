using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Levers;
using Tokencast.Core.Reporting;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;
using Tokencast.Host.Security;

namespace Tokencast.Host;

/// <summary>
/// The analyses under <c>/api/</c> that the host computes in its own process, on the core library: the
/// quality-cost levers of features, what-if comparisons and the sensitivity ranking. They need a planner key,
/// take the scenarios and limits of runs, and at most <see cref="HostLimits.MaxConcurrentRuns"/> of them
/// run at once (<see cref="AnalysisSlots"/>).
/// </summary>
public static class AnalysesApi
{
    /// <summary>Maps the endpoints <c>POST /api/levers</c>, <c>/api/whatif</c> and <c>/api/sensitivity</c>.</summary>
    public static IEndpointRouteBuilder MapAnalysesApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var plan = endpoints.MapGroup("/api").WithTags("analyses")
            .RequireAuthorization(ApiKeyAuthentication.PlannerPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        plan.MapPost("/levers", AnalyseLevers)
            .WithSummary("Lists each feature's operating points with cost per task and quality, the Pareto frontier, "
                + "its knee and the moves from the current point: JSON (format=json, the default), the levers CSV "
                + "(format=csv), or one feature's quality-cost chart (format=svg&feature=F).")
            .Produces<LeverReport>(StatusCodes.Status200OK, "application/json", "text/csv", "image/svg+xml");
        plan.MapPost("/whatif", CompareWhatIf)
            .WithSummary("Forecasts the scenario as written and with the sets, with the same trials and seed, and "
                + "compares horizon spend per branch and cost per task per feature: JSON or CSV (format=csv).")
            .Produces<WhatIfView>(StatusCodes.Status200OK, "application/json", "text/csv");
        plan.MapPost("/sensitivity", RankSensitivity)
            .WithSummary("Ranks each branch's uncertain assumptions by how much they move the horizon total spend: "
                + "JSON or CSV (format=csv).")
            .Produces<SensitivityView>(StatusCodes.Status200OK, "application/json", "text/csv");
        return endpoints;
    }

    private static async Task<IResult> AnalyseLevers(
        LeversRequest request,
        string? format,
        string? feature,
        HostLimits limits,
        Examples examples,
        AnalysisSlots slots,
        CancellationToken cancellationToken)
    {
        format = format?.ToLowerInvariant();
        if (UnknownFormat(format, "json", "csv", "svg") is { } unknown)
        {
            return unknown;
        }

        if (feature is not null && request.Feature is not null && feature != request.Feature)
        {
            return InputProblems.Response(new InvalidInputException(new InputProblem(null, null, "feature", feature,
                $"the query names another feature than the body ('{request.Feature}'); name it once")));
        }

        var chosenFeature = feature ?? request.Feature;
        if (format == "svg" && chosenFeature is null)
        {
            return InputProblems.Response(new InvalidInputException(new InputProblem(null, null, "feature", null,
                "is missing; the chart is drawn for one feature: add ?feature=F or \"feature\" to the body")));
        }

        return await Analyse(
            "levers",
            () => AnalysisInput.Resolve(
                request.Scenario, request.Example, request.Trials, request.Seed, null, 1, limits, examples),
            // NOTE: LeverAnalysis and WhatIf take no cancellation token, so after a client hangs up they run to the
            // end in their slot; ForecastSensitivity stops.
            (input, _) => LeverAnalysis.Analyse(input.Bundle, new LeverOptions(input.Seed, input.Trials, chosenFeature)),
            report => format switch
            {
                "csv" => Csv(writer => LeversCsvWriter.Write(report, writer)),
                "svg" => Results.Text(Text(writer => QualityCostChartSvg.Write(report.Features[0], writer)),
                    "image/svg+xml", Encoding.UTF8),
                _ => Results.Ok(report),
            },
            slots,
            cancellationToken);
    }

    private static async Task<IResult> CompareWhatIf(
        WhatIfRequest request,
        string? format,
        HostLimits limits,
        Examples examples,
        AnalysisSlots slots,
        CancellationToken cancellationToken)
    {
        format = format?.ToLowerInvariant();
        if (UnknownFormat(format, "json", "csv") is { } unknown)
        {
            return unknown;
        }

        List<SetOverride> overrides;
        try
        {
            overrides = WhatIfSets.Parse(request.Sets);
        }
        catch (InvalidInputException exception)
        {
            return InputProblems.Response(exception);
        }

        IReadOnlyList<string>? branches = request.Branch is null ? null : [request.Branch];
        return await Analyse(
            "whatif",
            () =>
            {
                var input = AnalysisInput.Resolve(
                    request.Scenario, request.Example, request.Trials, request.Seed, branches, 1, limits, examples);
                return CheckedForEngine(input, input.Bundle.Compile(branches), limits);
            },
            (input, _) => WhatIfSets.Compare(input.Bundle, overrides, new WhatIfOptions(input.Trials, input.Seed, branches)),
            result => format == "csv"
                ? Csv(writer => WhatIfCsvWriter.Write(result, writer))
                : Results.Ok(WhatIfView.From(result)),
            slots,
            cancellationToken);
    }

    private static async Task<IResult> RankSensitivity(
        SensitivityRequest request,
        string? format,
        HostLimits limits,
        Examples examples,
        AnalysisSlots slots,
        CancellationToken cancellationToken)
    {
        format = format?.ToLowerInvariant();
        if (UnknownFormat(format, "json", "csv") is { } unknown)
        {
            return unknown;
        }

        IReadOnlyList<string>? branches = request.Branch is null ? null : [request.Branch];
        SimulationPlan? plan = null;
        return await Analyse(
            "sensitivity",
            () =>
            {
                var input = AnalysisInput.Resolve(request.Scenario, request.Example, request.Trials, request.Seed,
                    branches, Core.Quality.Sensitivity.MinTrials, limits, examples);
                plan = input.Bundle.Compile(branches);
                return CheckedForEngine(input, plan, limits);
            },
            (input, token) => ForecastSensitivity.Run(plan!, new EngineOptions(input.Trials, input.Seed), null, token),
            ranking => format == "csv"
                ? Csv(writer => SensitivityCsvWriter.Write(ranking.Sensitivity, writer))
                : Results.Ok(new SensitivityView(ranking.Result.Scenario, ranking.Result.Seed, ranking.Result.Trials,
                    ranking.Sensitivity)),
            slots,
            cancellationToken);
    }

    /// <summary>
    /// Resolves the request's input, runs the analysis in a free slot and writes its result, turning invalid
    /// input into 400, a scenario above the size limit into 413 and a full host into 429.
    /// </summary>
    private static async Task<IResult> Analyse<T>(
        string name,
        Func<AnalysisInput> resolve,
        Func<AnalysisInput, CancellationToken, T> analysis,
        Func<T, IResult> respond,
        AnalysisSlots slots,
        CancellationToken cancellationToken)
    {
        try
        {
            var input = resolve();
            var running = slots.TryRun(name, input.Bundle.MainFile, token => analysis(input, token), cancellationToken);
            if (running is null)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many analyses are running",
                    detail: $"{AnalysesRunning(slots.Limit)}, the most this host allows at once ({slots.Limit}); "
                        + "wait for one to finish and send the request again");
            }

            return respond(await running);
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
    }

    /// <summary>
    /// Rejects trials whose samples would not fit in memory, as a run of the same plan would be rejected:
    /// what-if and sensitivity run the forecast engine in this process.
    /// </summary>
    private static AnalysisInput CheckedForEngine(AnalysisInput input, SimulationPlan plan, HostLimits limits)
    {
        ForecastEngine.CheckSampleSize(plan, input.Trials);
        RunFootprint.Check(plan, input.Trials, limits.MaxRunBytes);
        return input;
    }

    private static string AnalysesRunning(int running) =>
        running == 1
            ? "1 analysis is running"
            : $"{running.ToString(CultureInfo.InvariantCulture)} analyses are running";

    /// <summary>Returns a 400 that names the allowed formats, or null when <paramref name="format"/> is missing or allowed.</summary>
    private static IResult? UnknownFormat(string? format, params string[] allowed)
    {
        if (format is null || allowed.Contains(format))
        {
            return null;
        }

        var choices = string.Join(", ", allowed[..^1]) + " or " + allowed[^1];
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Unknown format",
            detail: $"format: {Shorten(format)} is not a format; use {choices}");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";

    private static IResult Csv(Action<TextWriter> write) => Results.Text(Text(write), "text/csv", Encoding.UTF8);

    private static string Text(Action<TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }
}
