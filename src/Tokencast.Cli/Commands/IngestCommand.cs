using System.CommandLine;
using System.Globalization;
using Tokencast.Core;
using Tokencast.Core.Actuals;
using Tokencast.Core.Logs;
using Tokencast.Core.Pricing;

namespace Tokencast.Cli.Commands;

/// <summary>
/// <c>tokencast ingest FILE...</c>: imports request logs, LiteLLM spend logs or FOCUS exports into
/// an actuals store and prints what each file added. Estimated cost (from tokens) and billed cost
/// (from a FOCUS export) are printed under their own labels.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "Files to import: request logs (.csv, .jsonl), LiteLLM spend logs or FOCUS CSV exports.",
            Arity = ArgumentArity.OneOrMore,
        };
        var store = new Option<DirectoryInfo?>("--store")
        {
            Description = $"Actuals store folder; default {ActualsStore.DefaultDirectory} "
                + "under the current directory.",
        };
        var kind = new Option<string>("--kind")
        {
            Description = "Kind of the files: log (request log), litellm (LiteLLM spend log) or focus "
                + "(FinOps FOCUS billing export).",
            DefaultValueFactory = _ => "log",
        };
        kind.AcceptOnlyFromAmong("log", "litellm", "focus");
        var map = new Option<string[]>("--map")
        {
            Description = "Read a field from a column, as FIELD=COLUMN; repeatable. Fields: "
                + string.Join(", ", LogColumnNames.MappableFieldNames) + ".",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var convention = new Option<string?>("--convention")
        {
            Description = "Usage convention of the token columns when the column names do not tell.",
        };
        convention.AcceptOnlyFromAmong([.. CostCommand.Conventions.Keys]);
        var catalog = new Option<FileInfo?>("--catalog")
        {
            Description = "LiteLLM-format JSON price catalog for the estimated cost, in place of the bundled one.",
        };
        var model = new Option<string?>("--model") { Description = "Model for log rows that name none." };
        var feature = new Option<string?>("--feature")
        {
            Description = "Feature of log rows that name none, such as a trace of one service.",
        };
        var featureTag = new Option<string?>("--feature-tag")
        {
            Description = "Tag key whose value is the feature: a key of the FOCUS Tags column, or KEY in "
                + "LiteLLM request_tags entries written KEY:VALUE.",
        };
        var timeScale = new Option<string?>("--time-scale")
        {
            Description = "Replay a short trace over a longer period, as ORIGIN=FACTOR: each call's time t "
                + "becomes ORIGIN (YYYY-MM-DD, UTC midnight) + (t - first call's time) x FACTOR; 1440 turns "
                + "a minute into a day. For published traces, never for real usage.",
        };
        var setAside = new Option<bool>("--set-aside")
        {
            Description = "Write invalid rows to a rejected file in the store with their line and reason, "
                + "and import the rest, instead of stopping.",
        };

        var command = new Command("ingest", "Import request logs and billing exports into an actuals store.")
        {
            files, store, kind, map, convention, catalog, model, feature, featureTag, timeScale, setAside,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return CommandRunner.Run(() => Execute(new IngestRequest(
                parseResult.GetRequiredValue(files),
                parseResult.GetValue(store),
                parseResult.GetValue(kind) ?? "log",
                parseResult.GetValue(map) ?? [],
                parseResult.GetValue(convention),
                parseResult.GetValue(catalog),
                parseResult.GetValue(model),
                parseResult.GetValue(feature),
                parseResult.GetValue(featureTag),
                parseResult.GetValue(timeScale),
                parseResult.GetValue(setAside)), output), error);
        });
        return command;
    }

    /// <summary>Runs the command with arguments as typed after <c>tokencast ingest</c>.</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error) =>
        Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    private static int Execute(IngestRequest request, TextWriter output)
    {
        var missing = request.Files.FirstOrDefault(file => !file.Exists);
        if (missing is not null)
        {
            throw new FileNotFoundException("file not found", missing.FullName);
        }

        var timeScale = request.TimeScale is null ? null : ParseTimeScale(request.TimeScale);
        var store = new ActualsStore(request.Store?.FullName ?? ActualsStore.DefaultDirectory);
        if (request.Kind == "focus")
        {
            // Options that shape how usage logs are read do not apply to a billing export. Rejecting them shows
            // the user that the export is not read the way the command line requests.
            var usageOnly = new (string Option, string? Value)[]
            {
                ("--time-scale", request.TimeScale), ("--feature", request.Feature), ("--model", request.Model),
                ("--map", request.Map.Length == 0 ? null : string.Join(' ', request.Map)),
                ("--convention", request.Convention), ("--catalog", request.Catalog?.FullName),
            };
            var problems = usageOnly.Where(option => option.Value is not null)
                .Select(option => new InputProblem(null, null, option.Option, option.Value,
                    "applies to usage logs only, not to FOCUS billing exports; leave it out with --kind focus"))
                .ToList();
            if (problems.Count > 0)
            {
                throw new InvalidInputException(problems);
            }

            var focusOptions = new FocusImportOptions
            {
                FeatureTagKey = request.FeatureTag,
                SetAside = request.SetAside,
            };
            foreach (var file in request.Files)
            {
                WriteBilled(output, store.ImportBilled(file.FullName, focusOptions));
            }

            return CommandRunner.Success;
        }

        var options = new UsageImportOptions
        {
            Kind = request.Kind == "litellm" ? ActualsKind.LiteLlm : ActualsKind.Log,
            LogOptions = new RequestLogOptions
            {
                Convention = request.Convention is null ? null : CostCommand.Conventions[request.Convention],
                ColumnMap = CostCommand.ParseMap(request.Map),
            },
            DefaultModel = request.Model,
            DefaultFeature = request.Feature,
            FeatureTagKey = request.FeatureTag,
            TimeScale = timeScale,
            SetAside = request.SetAside,
        };
        var catalog = request.Catalog is null
            ? PriceCatalog.LoadBundled()
            : PriceCatalog.LoadFile(request.Catalog.FullName);
        foreach (var file in request.Files)
        {
            WriteUsage(output, store.ImportUsage(file.FullName, options, catalog));
        }

        return CommandRunner.Success;
    }

    /// <summary>Parses <c>ORIGIN=FACTOR</c>, such as <c>2026-01-05=1440</c>.</summary>
    /// <exception cref="InvalidInputException">The text is not a date and a finite factor above 0.</exception>
    internal static TraceTimeScale ParseTimeScale(string text)
    {
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw TimeScaleProblem(text, "expected ORIGIN=FACTOR, such as 2026-01-05=1440");
        }

        if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var origin))
        {
            throw TimeScaleProblem(text, $"the origin '{parts[0]}' is not a date; write YYYY-MM-DD");
        }

        if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var factor)
            || !double.IsFinite(factor) || factor <= 0)
        {
            throw TimeScaleProblem(text, $"the factor '{parts[1]}' must be a finite number above 0, such as 1440");
        }

        return new TraceTimeScale(origin, factor);
    }

    private static InvalidInputException TimeScaleProblem(string text, string message) =>
        new(new InputProblem(null, null, "--time-scale", text, message));

    private static void WriteUsage(TextWriter output, ImportResult result)
    {
        var import = result.Import;
        if (result.AlreadyImported)
        {
            output.WriteLine($"{import.SourceFile}: already imported with these options; nothing added");
            return;
        }

        output.WriteLine($"{import.SourceFile}: {import.RowsRead} rows read, {import.Calls} calls, "
            + $"{import.Tasks} tasks, {import.UnknownUsageRows} rows without usage (cost unknown), "
            + $"{import.DuplicatesMerged} duplicates merged, {import.CallsAlreadyStored} calls already in the store left out, "
            + $"{import.FailedCallsPriced} failed calls priced, "
            + $"{import.SetAsideRows} rows set aside");
        output.WriteLine($"  estimated cost (tokens x catalog prices): {Amount(import.EstimatedCostUsd ?? 0m)} USD");
        if (import.TimeScale is { } scale && import.TimeScaleTraceStart is { } traceStart)
        {
            var first = traceStart.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            output.WriteLine($"  times moved by --time-scale {scale}: the first call, {first} UTC, "
                + $"is now {scale.Origin:yyyy-MM-dd} 00:00 UTC");
        }
    }

    private static void WriteBilled(TextWriter output, ImportResult result)
    {
        var import = result.Import;
        if (result.AlreadyImported)
        {
            output.WriteLine($"{import.SourceFile}: already imported with these options; nothing added");
            return;
        }

        output.WriteLine($"{import.SourceFile}: {import.RowsRead} rows read, "
            + $"{import.RowsRead - import.SetAsideRows} charges, {import.SetAsideRows} rows set aside");
        foreach (var (currency, billed) in import.BilledCostByCurrency ?? new Dictionary<string, decimal>())
        {
            var effective = import.EffectiveCostByCurrency?.GetValueOrDefault(currency) ?? 0m;
            output.WriteLine(
                $"  billed cost: {Amount(billed)} {currency} (effective cost {Amount(effective)} {currency})");
        }
    }

    // Exact amounts, without trailing zeros; rounding is left to reports.
    private static string Amount(decimal amount) => (amount / 1.000000000000000000000000000000000m)
        .ToString(CultureInfo.InvariantCulture);

    private sealed record IngestRequest(
        FileInfo[] Files,
        DirectoryInfo? Store,
        string Kind,
        string[] Map,
        string? Convention,
        FileInfo? Catalog,
        string? Model,
        string? Feature,
        string? FeatureTag,
        string? TimeScale,
        bool SetAside);
}
