using System.Globalization;
using System.Text.Json;
using Tokencast.Core.Inputs;
using Tokencast.Core.Pricing;
using Tokencast.Core.Usage;

namespace Tokencast.Core.Logs;

/// <summary>
/// Reads a request log in CSV or JSON Lines into <see cref="RequestRecord"/>s. Columns are matched to
/// fields by known names (see <see cref="LogColumnNames"/>) or an explicit map, the usage convention
/// is decided from the columns present, and each row's usage is converted to buckets here, at the
/// edge. Every invalid row is reported, with file and line, in one <see cref="InvalidInputException"/>.
/// </summary>
public static class RequestLogReader
{
    private static readonly LogField[] UsageFields =
    [
        LogField.InputTokens, LogField.OutputTokens, LogField.CacheReadTokens, LogField.CacheWriteTokens,
        LogField.CacheWrite5MinutesTokens, LogField.CacheWrite1HourTokens, LogField.ReasoningTokens,
        LogField.TotalTokens,
    ];

    private static readonly LogField[] CacheFields =
    [
        LogField.CacheReadTokens, LogField.CacheWriteTokens, LogField.CacheWrite5MinutesTokens,
        LogField.CacheWrite1HourTokens,
    ];

    private static readonly string TooManyTokens =
        FormattableString.Invariant($"token count must be at most {LogValueParser.MaxTokensPerCall:N0} for one call; ")
        + "a larger count is a unit or parsing mistake upstream";

    /// <summary>Reads a log file, choosing the format by extension or, failing that, by content.</summary>
    /// <exception cref="InvalidInputException">The file has invalid rows or ambiguous columns.</exception>
    public static RequestLog Read(string path, RequestLogOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = StrictUtf8.ReadFile(path);
        return Parse(text, path, options);
    }

    /// <summary>Reads a log from text; <paramref name="source"/> names it in records and messages.</summary>
    public static RequestLog Parse(string text, string source, RequestLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new RequestLogOptions();
        var format = options.Format ?? DetectFormat(source, text);
        var (columns, rows) = format == LogFormat.Csv
            ? ReadCsv(text, source, options.SkippedLines)
            : ReadJsonLines(text, source, options.SkippedLines);

        var problems = new List<InputProblem>();
        var columnFields = MapColumns(columns, options, source, problems);
        RequireUsageColumns(columns, columnFields, format, source, problems);
        var convention = format == LogFormat.Csv
            ? DecideConvention(columnFields, options, source, null, problems)
            : DecideJsonLinesConvention(rows, options, source);
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var records = new List<RequestRecord>(rows.Count);
        foreach (var (line, fields) in rows)
        {
            var rowFields = columnFields;
            var rowConvention = convention;

            // Each JSON line carries its own keys, so one log may mix naming conventions
            // (prompt_tokens in one row, input_tokens in the next): map and decide per row.
            if (format == LogFormat.JsonLines)
            {
                rowFields = MapColumns([.. fields.Keys], options, source, problems: null);
                rowConvention = DecideConvention(rowFields, options, source, line, problems) ?? convention;
            }

            ReportUnreadUsage(line, fields, rowFields, source, problems);
            records.Add(BuildRecord(line, fields, source, rowFields, rowConvention, problems));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return new RequestLog(source, format, convention, columns, columnFields, records);
    }

    internal static LogFormat DetectFormat(string source, string text)
    {
        var extension = Path.GetExtension(source).ToLowerInvariant();
        if (extension == ".csv")
        {
            return LogFormat.Csv;
        }

        if (extension is ".jsonl" or ".ndjson" or ".json")
        {
            return LogFormat.JsonLines;
        }

        return text.TrimStart().StartsWith('{') ? LogFormat.JsonLines : LogFormat.Csv;
    }

    private static (List<string> Columns, List<(long Line, Dictionary<string, string> Fields)> Rows) ReadCsv(
        string text, string source, IReadOnlySet<long> skippedLines)
    {
        var rows = CsvRowReader.ReadRows(text, source).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidInputException(new InputProblem(source, null, null, null,
                "log is empty; a CSV log needs a header row and at least one data row"));
        }

        var header = rows[0].Fields.Select(name => name.Trim()).ToList();
        var problems = new List<InputProblem>();
        var repeated = header
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key);
        foreach (var name in repeated)
        {
            problems.Add(new InputProblem(source, rows[0].Line, name, null,
                $"the header names the column '{name}' more than once, so its values are ambiguous. "
                + "Rename or remove the extra column."));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var records = new List<(long, Dictionary<string, string>)>();
        foreach (var (line, values) in rows.Skip(1).Where(row => !skippedLines.Contains(row.Line)))
        {
            var fields = CsvRowReader.MapFields(header, line, values, source, problems);
            if (fields is not null)
            {
                records.Add((line, fields));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return (header, records);
    }

    internal static (List<string> Columns, List<(long Line, Dictionary<string, string> Fields)> Rows)
        ReadJsonLines(string text, string source, IReadOnlySet<long> skippedLines)
    {
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<(long, Dictionary<string, string>)>();
        var problems = new List<InputProblem>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineText = lines[i].Trim();
            if (lineText.Length == 0 || skippedLines.Contains(i + 1))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(lineText);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new InputProblem(source, i + 1, null, null, "line is not a JSON object"));
                    continue;
                }

                var fields = JsonLineFlattener.Flatten(document.RootElement);
                foreach (var name in fields.Keys.Where(seen.Add))
                {
                    columns.Add(name);
                }

                rows.Add((i + 1, fields));
            }
            catch (JsonException exception)
            {
                problems.Add(new InputProblem(source, i + 1, null, null,
                    $"line is not valid JSON: {exception.Message}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return (columns, rows);
    }

    // Problems are null when mapping the keys of one JSON line, where a mapped column may be absent.
    private static Dictionary<LogField, string> MapColumns(
        List<string> columns, RequestLogOptions options, string source, List<InputProblem>? problems)
    {
        var mapped = new Dictionary<LogField, string>();
        foreach (var (field, column) in options.ColumnMap)
        {
            var match = columns.FirstOrDefault(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                problems?.Add(new InputProblem(source, null, null, column,
                    $"the column mapped to the {LogColumnNames.Describe(field)} is not in the log. "
                    + $"Columns found: {string.Join(", ", columns)}."));
                continue;
            }

            mapped[field] = match;
        }

        var explicitColumns = new HashSet<string>(mapped.Values, StringComparer.Ordinal);
        foreach (var column in columns.Where(c => !explicitColumns.Contains(c)))
        {
            if (LogColumnNames.TryMatch(column, out var field, out _))
            {
                mapped.TryAdd(field, column);
            }
        }

        return mapped;
    }

    private static UsageConvention? DecideConvention(
        Dictionary<LogField, string> columnFields,
        RequestLogOptions options,
        string source,
        long? line,
        List<InputProblem> problems)
    {
        var usageColumns = UsageFields.Where(columnFields.ContainsKey).Select(f => columnFields[f]).ToList();
        if (usageColumns.Count == 0)
        {
            return options.Convention;
        }

        var conventions = usageColumns
            .Select(column => LogColumnNames.TryMatch(column, out _, out var matched)
                ? LogColumnNames.ConventionOf(column, matched)
                : null)
            .OfType<UsageConvention>()
            .Distinct()
            .ToList();
        if (options.Convention is { } given)
        {
            // --convention settles columns whose names do not tell; it must not overrule names that do,
            // because that silently moves cache tokens in or out of the input count.
            if (conventions.Count == 1 && conventions[0] != given)
            {
                problems.Add(new InputProblem(source, line, "--convention", given.ToString(),
                    $"the usage columns ({string.Join(", ", usageColumns)}) follow the {conventions[0]} convention; "
                    + "drop --convention or map the columns with --map."));
            }

            return given;
        }

        if (conventions.Count == 1)
        {
            return conventions[0];
        }

        // Without cache columns every convention gives the same buckets (reasoning inside output is
        // the rule everywhere but Gemini, whose columns carry their own names), so any one will do.
        var hasCacheColumns = CacheFields.Any(columnFields.ContainsKey);
        if (conventions.Count == 0 && !hasCacheColumns)
        {
            return UsageConvention.OpenAi;
        }

        var found = conventions.Count == 0 ? "no provider-specific names" : string.Join(" and ", conventions);
        problems.Add(new InputProblem(source, line, null, string.Join(", ", usageColumns),
            $"cannot tell the usage convention from the columns ({found}). Whether input includes cache "
            + "tokens depends on it, so pass --convention openai, anthropic, gemini or opentelemetry."));
        return null;
    }

    // The convention of a JSON Lines log as a whole, for RequestLog.Convention and for rows whose
    // own keys do not tell: the one convention that the rows name, or null when they name none or
    // several. Each row is then decided from its own keys.
    private static UsageConvention? DecideJsonLinesConvention(
        List<(long Line, Dictionary<string, string> Fields)> rows, RequestLogOptions options, string source)
    {
        if (options.Convention is not null)
        {
            return options.Convention;
        }

        var conventions = new HashSet<UsageConvention>();
        var ignored = new List<InputProblem>();
        foreach (var (_, fields) in rows)
        {
            var rowFields = MapColumns([.. fields.Keys], options, source, problems: null);
            if (DecideConvention(rowFields, options, source, null, ignored) is { } convention)
            {
                conventions.Add(convention);
            }
        }

        return conventions.Count == 1 ? conventions.First() : null;
    }

    // Without a known token column every row would be "no usage" and the total $0. That happens
    // with another separator (;) or a CSV file without a header row, so it is an error.
    private static void RequireUsageColumns(
        List<string> columns,
        Dictionary<LogField, string> columnFields,
        LogFormat format,
        string source,
        List<InputProblem> problems)
    {
        if (UsageFields.Any(columnFields.ContainsKey))
        {
            return;
        }

        var hint = "";
        if (format == LogFormat.Csv && columns.Any(c => c.Contains(';') || c.Contains('\t')))
        {
            hint = " The header looks separated by ';' or tabs, but CSV logs must use commas.";
        }
        else if (format == LogFormat.Csv)
        {
            hint = " The first line of a CSV log is read as the header row.";
        }

        problems.Add(new InputProblem(source, null, null, null,
            "no column is known as a token count. Columns found: "
            + (columns.Count == 0 ? "none" : string.Join(", ", columns)) + "."
            + hint + " Name the columns with --map, for example "
            + "--map usage.in=COLUMN --map usage.out=COLUMN."));
    }

    // A row whose token counts sit in a column the log's mapping does not read (input_tokens when
    // the log's input column is prompt_tokens) would otherwise look like a row without usage.
    private static void ReportUnreadUsage(
        long line,
        Dictionary<string, string> fields,
        Dictionary<LogField, string> columnFields,
        string source,
        List<InputProblem> problems)
    {
        foreach (var (column, value) in fields)
        {
            if (string.IsNullOrWhiteSpace(value)
                || !LogColumnNames.TryMatch(column, out var field, out _)
                || !UsageFields.Contains(field)
                || !columnFields.TryGetValue(field, out var readColumn)
                || readColumn == column)
            {
                continue;
            }

            if (fields.TryGetValue(readColumn, out var readValue) && !string.IsNullOrWhiteSpace(readValue))
            {
                continue;
            }

            problems.Add(new InputProblem(source, line, column, value.Trim(),
                $"row has a value in {column}, but the {LogColumnNames.Describe(field)} is read from "
                + $"{readColumn}, which is empty in this row. Use one column name for the field in every "
                + $"row, or pass --map {LogColumnNames.MapNameOf(field)}=COLUMN."));
        }
    }

    private static RequestRecord BuildRecord(
        long line,
        Dictionary<string, string> fields,
        string source,
        Dictionary<LogField, string> columnFields,
        UsageConvention? convention,
        List<InputProblem> problems)
    {
        string? Text(LogField field) =>
            columnFields.TryGetValue(field, out var column) && fields.TryGetValue(column, out var value)
                && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : null;

        void Problem(LogField field, string? value, string message) =>
            problems.Add(new InputProblem(source, line, columnFields.GetValueOrDefault(field), value, message));

        long? Tokens(LogField field)
        {
            var text = Text(field);
            if (text is null)
            {
                return null;
            }

            if (!LogValueParser.TryParseTokens(text, out var tokens))
            {
                // A whole number too large for the count type is still a count, so the limit message applies.
                var tooLarge = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    && value > LogValueParser.MaxTokensPerCall && value == Math.Floor(value);
                Problem(field, text, tooLarge ? TooManyTokens : "token count must be a whole number of 0 or more");
                return null;
            }

            if (tokens > LogValueParser.MaxTokensPerCall)
            {
                Problem(field, text, TooManyTokens);
                return null;
            }

            return tokens;
        }

        var problemsBefore = problems.Count;
        var usage = new ReportedUsage
        {
            Convention = convention ?? UsageConvention.OpenAi,
            InputTokens = Tokens(LogField.InputTokens),
            OutputTokens = Tokens(LogField.OutputTokens),
            CacheReadTokens = Tokens(LogField.CacheReadTokens),
            CacheWriteTokens = Tokens(LogField.CacheWriteTokens),
            CacheWrite5MinutesTokens = Tokens(LogField.CacheWrite5MinutesTokens),
            CacheWrite1HourTokens = Tokens(LogField.CacheWrite1HourTokens),
            ReasoningTokens = Tokens(LogField.ReasoningTokens),
            TotalTokens = Tokens(LogField.TotalTokens),
        };

        // A count already refused above would be reported again as missing, so usage is checked only when
        // every count could be read.
        UsageBuckets? buckets = null;
        if (usage.HasAnyCount && problems.Count == problemsBefore)
        {
            if (UsageConverter.TryToBuckets(usage, out var converted, out var usageProblems))
            {
                buckets = converted;
            }
            else
            {
                foreach (var message in usageProblems)
                {
                    problems.Add(new InputProblem(source, line, "usage", null, message));
                }
            }
        }

        var timeText = Text(LogField.Timestamp);
        DateTimeOffset? timestamp = null;
        TimeSpan? offset = null;
        if (timeText is not null && !LogValueParser.TryParseTime(timeText, out timestamp, out offset))
        {
            Problem(LogField.Timestamp, timeText,
                $"timestamp is not in an accepted form. Accepted forms: {LogValueParser.AcceptedTimeForms}.");
        }

        var statusText = Text(LogField.Status);
        var status = RequestStatus.Success;
        if (statusText is not null && !LogValueParser.TryParseStatus(statusText, out status))
        {
            Problem(LogField.Status, statusText,
                "status must be success, ok, completed, failed, error, cancelled, true/false or an HTTP code");
        }

        var tierText = Text(LogField.ServiceTier);
        ServiceTier? serviceTier = null;
        if (tierText is not null)
        {
            if (LogValueParser.TryParseServiceTier(tierText, out var tier))
            {
                serviceTier = tier;
            }
            else
            {
                Problem(LogField.ServiceTier, tierText,
                    "service tier must be standard (default, auto), batch, flex or priority");
            }
        }

        var hashText = Text(LogField.PrefixBlockHashes);
        IReadOnlyList<long>? hashes = null;
        if (hashText is not null && !LogValueParser.TryParseHashes(hashText, out hashes))
        {
            Problem(LogField.PrefixBlockHashes, hashText, "prefix block hashes must be a JSON array of integers");
        }

        return new RequestRecord
        {
            SourceFile = source,
            Line = line,
            Fields = fields,
            Timestamp = timestamp,
            TraceOffset = offset,
            Model = Text(LogField.Model),
            Feature = Text(LogField.Feature),
            Cohort = Text(LogField.Cohort),
            User = Text(LogField.User),
            ConversationId = Text(LogField.ConversationId),
            TaskId = Text(LogField.TaskId),
            ResponseId = Text(LogField.ResponseId),
            Status = status,
            ServiceTier = serviceTier,
            Usage = buckets is null ? null : usage,
            Buckets = buckets,
            PrefixBlockHashes = hashes,
        };
    }
}
