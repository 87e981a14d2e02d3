using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tokencast.Core;
using Tokencast.Core.Logs;
using Tokencast.Core.Pricing;
using Tokencast.Core.Usage;

namespace Tokencast.Cli.Commands;

/// <summary>
/// <c>tokencast cost LOG</c>: prices every row of a request log and prints totals by model and by
/// feature (table or JSON), or the input rows with their cost (CSV).
/// </summary>
internal static class CostCommand
{
    internal static readonly Dictionary<string, UsageConvention> Conventions =
        new(StringComparer.OrdinalIgnoreCase)
    {
        ["openai"] = UsageConvention.OpenAi,
        ["anthropic"] = UsageConvention.Anthropic,
        ["gemini"] = UsageConvention.Gemini,
        ["opentelemetry"] = UsageConvention.OpenTelemetry,
    };

    public static Command Create()
    {
        var log = new Argument<FileInfo>("LOG") { Description = "Request log: .csv, .jsonl or .ndjson." };
        var catalog = new Option<FileInfo?>("--catalog")
        {
            Description = "LiteLLM-format JSON price catalog to use in place of the bundled one.",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: table (totals), json (totals) or csv (every input row with "
                + "cost_usd and cost_status).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var convention = new Option<string?>("--convention")
        {
            Description = "Usage convention of the token columns when the column names do not tell.",
        };
        convention.AcceptOnlyFromAmong([.. Conventions.Keys]);
        var map = new Option<string[]>("--map")
        {
            Description = "Read a field from a column, as FIELD=COLUMN; repeatable. Fields: "
                + string.Join(", ", LogColumnNames.MappableFieldNames) + ".",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var model = new Option<string?>("--model") { Description = "Model for rows that name none." };
        var priceDate = new Option<string?>("--price-date")
        {
            Description = "Date (YYYY-MM-DD) whose prices apply to rows without a timestamp; "
                + "default today (UTC).",
        };

        var command = new Command(
            "cost", "Price every row of a request log and total the cost by model and feature.")
        {
            log, catalog, format, convention, map, model, priceDate,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return CommandRunner.Run(() => Execute(new CostRequest(
                parseResult.GetRequiredValue(log),
                parseResult.GetValue(catalog),
                parseResult.GetValue(format) ?? "table",
                parseResult.GetValue(convention),
                parseResult.GetValue(map) ?? [],
                parseResult.GetValue(model),
                parseResult.GetValue(priceDate)), output), error);
        });
        return command;
    }

    /// <summary>Runs the command with arguments as typed after <c>tokencast cost</c>.</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error) =>
        Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    private static int Execute(CostRequest request, TextWriter output)
    {
        var options = new RequestLogOptions
        {
            Convention = request.Convention is null ? null : Conventions[request.Convention],
            ColumnMap = ParseMap(request.Map),
        };
        var today = ParseToday(request.PriceDate);
        if (!request.Log.Exists)
        {
            throw new FileNotFoundException("log not found", request.Log.FullName);
        }

        var catalog = request.Catalog is null
            ? PriceCatalog.LoadBundled()
            : PriceCatalog.LoadFile(request.Catalog.FullName);
        var log = RequestLogReader.Read(request.Log.FullName, options);
        var report = LogCostCalculator.Price(log, catalog, today, request.Model);

        switch (request.Format)
        {
            case "csv":
                CostReportWriter.WriteCsv(output, log, report);
                break;
            case "json":
                CostReportWriter.WriteJson(output, report, today);
                break;
            default:
                CostReportWriter.WriteTable(output, report, today);
                break;
        }

        return CommandRunner.Success;
    }

    internal static Dictionary<LogField, string> ParseMap(IEnumerable<string> entries)
    {
        var map = new Dictionary<LogField, string>();
        var problems = new List<InputProblem>();
        foreach (var entry in entries)
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[1].Length == 0
                || !LogColumnNames.TryParseFieldName(parts[0], out var field))
            {
                problems.Add(new InputProblem(null, null, "--map", entry,
                    "expected FIELD=COLUMN with FIELD one of "
                    + string.Join(", ", LogColumnNames.MappableFieldNames) + "."));
                continue;
            }

            map[field] = parts[1];
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : map;
    }

    private static DateOnly ParseToday(string? text)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(DateTime.UtcNow);
        }

        var style = DateTimeStyles.None;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, style, out var date)
            ? date
            : throw new InvalidInputException(new InputProblem(null, null, "--price-date", text,
                "date must be written as YYYY-MM-DD."));
    }

    private sealed record CostRequest(
        FileInfo Log,
        FileInfo? Catalog,
        string Format,
        string? Convention,
        string[] Map,
        string? Model,
        string? PriceDate);
}
