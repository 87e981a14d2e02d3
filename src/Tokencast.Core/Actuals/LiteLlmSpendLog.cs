using System.Globalization;
using System.Text.Json;
using Tokencast.Core.Logs;
using Tokencast.Core.Usage;

namespace Tokencast.Core.Actuals;

/// <summary>
/// Column names of LiteLLM's <c>LiteLLM_SpendLogs</c> table and the values only it has: its own
/// <c>spend</c> estimate and the <c>request_tags</c> JSON array.
/// </summary>
internal static class LiteLlmSpendLog
{
    public const string SpendColumn = "spend";
    public const string TagsColumn = "request_tags";

    // end_user is the caller's customer; the user column is the LiteLLM internal user, so map
    // the field explicitly. session_id groups the calls of one agent session into a task.
    private static readonly (LogField Field, string Column)[] Columns =
    [
        (LogField.ResponseId, "request_id"),
        (LogField.Timestamp, "startTime"),
        (LogField.Model, "model"),
        (LogField.InputTokens, "prompt_tokens"),
        (LogField.OutputTokens, "completion_tokens"),
        (LogField.TotalTokens, "total_tokens"),
        (LogField.User, "end_user"),
        (LogField.Status, "status"),
        (LogField.TaskId, "session_id"),
    ];

    /// <summary>
    /// Adds the spend-log columns present in the file to the log options, under any explicit map,
    /// and sets the OpenAI convention because LiteLLM's prompt_tokens include cached tokens.
    /// </summary>
    public static RequestLogOptions Adapt(RequestLogOptions options, string text, string source)
    {
        var columns = ReadColumnNames(text, source, options.Format);
        var map = new Dictionary<LogField, string>(options.ColumnMap);
        foreach (var (field, column) in Columns)
        {
            if (columns.Contains(column))
            {
                map.TryAdd(field, column);
            }
        }

        return options with { ColumnMap = map, Convention = options.Convention ?? UsageConvention.OpenAi };
    }

    // The reader rejects a mapped column that no row has, so only columns present are mapped.
    private static HashSet<string> ReadColumnNames(string text, string source, LogFormat? format)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if ((format ?? RequestLogReader.DetectFormat(source, text)) == LogFormat.Csv)
        {
            var header = CsvRowReader.ReadRows(text, source).Select(row => row.Fields).FirstOrDefault() ?? [];
            names.UnionWith(header.Select(name => name.Trim()));
            return names;
        }

        // Invalid lines are skipped here because the log reader reports them with their line.
        foreach (var line in text.Split('\n').Where(line => line.TrimStart().StartsWith('{')))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    names.UnionWith(JsonLineFlattener.Flatten(document.RootElement).Keys);
                }
            }
            catch (JsonException)
            {
            }
        }

        return names;
    }

    /// <summary>Parses the spend column, or returns null when the row has none.</summary>
    public static decimal? ReadSpend(RequestRecord record, List<InputProblem> problems)
    {
        if (!record.Fields.TryGetValue(SpendColumn, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // The column is a double precision float in LiteLLM's database, so exports may use exponents.
        if (decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var spend))
        {
            return spend;
        }

        problems.Add(new InputProblem(record.SourceFile, record.Line, SpendColumn, text,
            "spend must be a decimal number in USD, such as 0.00042 or 4.2e-4"));
        return null;
    }

    /// <summary>
    /// Finds the value of a <c>KEY:VALUE</c> or <c>KEY=VALUE</c> entry in the request_tags JSON array,
    /// or returns null when the row has no such tag.
    /// </summary>
    public static string? ReadTag(RequestRecord record, string key, List<InputProblem> problems)
    {
        if (!record.Fields.TryGetValue(TagsColumn, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException("not an array");
            }

            foreach (var tag in document.RootElement.EnumerateArray())
            {
                var entry = tag.ValueKind == JsonValueKind.String ? tag.GetString() ?? "" : "";
                var separator = entry.IndexOfAny([':', '=']);
                if (separator > 0 && string.Equals(entry[..separator].Trim(), key, StringComparison.Ordinal))
                {
                    return entry[(separator + 1)..].Trim();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            problems.Add(new InputProblem(record.SourceFile, record.Line, TagsColumn, text,
                "request_tags must be a JSON array of strings, such as [\"feature:support-chat\"]"));
            return null;
        }
    }
}
