using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.VisualBasic.FileIO;
using Tokencast.Core.Inputs;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Loads one numeric column from a CSV file with a header row or from a JSON Lines file. Blank cells and JSON
/// nulls are skipped; every other value must be a number >= 0.
/// </summary>
internal static class EmpiricalValuesFile
{
    private const int MaxListedRows = 3;

    public sealed record Result(IReadOnlyList<double> Values, string? Error, bool MissingColumn);

    public static Result Load(IInputFiles files, string fullPath, string column)
    {
        var extension = Path.GetExtension(fullPath).ToLowerInvariant();
        return extension switch
        {
            ".csv" => LoadCsv(files.OpenRead(fullPath), column),
            ".jsonl" or ".ndjson" => LoadJsonLines(files.OpenRead(fullPath), column),
            _ => new Result([], $"unsupported file type '{extension}'; expected .csv or .jsonl", false),
        };
    }

    // Both readers decode as File.ReadLines does: UTF-8 unless a byte order mark names another encoding.
    private static Result LoadCsv(Stream stream, string column)
    {
        using var parser = new TextFieldParser(stream, Encoding.UTF8, detectEncoding: true)
        {
            TextFieldType = FieldType.Delimited,
        };
        parser.SetDelimiters(",");
        parser.HasFieldsEnclosedInQuotes = true;
        var header = parser.ReadFields();
        if (header is null)
        {
            return new Result([], "file is empty; expected a header row", false);
        }

        var index = Array.IndexOf(header, column);
        if (index < 0)
        {
            return MissingColumn(column, header);
        }

        var collector = new ValueCollector();
        while (!parser.EndOfData)
        {
            var line = parser.LineNumber;
            var fields = parser.ReadFields();
            var cell = fields is not null && index < fields.Length ? fields[index].Trim() : "";
            if (cell.Length > 0)
            {
                collector.Add(line, cell, TryParse(cell));
            }
        }

        return collector.ToResult(column);
    }

    private static Result LoadJsonLines(Stream stream, string column)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var collector = new ValueCollector();
        var columnSeen = false;
        var lineNumber = 0L;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement? value;
            try
            {
                using var document = JsonDocument.Parse(line);
                value = Find(document.RootElement, column)?.Clone();
            }
            catch (JsonException)
            {
                collector.Add(lineNumber, "not valid JSON", null);
                continue;
            }

            columnSeen |= value is not null;
            if (value is { ValueKind: not JsonValueKind.Null } element)
            {
                var number = element.ValueKind == JsonValueKind.Number ? element.GetDouble() : (double?)null;
                collector.Add(lineNumber, element.GetRawText(), number is >= 0 ? number : null);
            }
        }

        return columnSeen || collector.HasErrors
            ? collector.ToResult(column)
            : new Result([], $"column '{column}' not found on any line", true);
    }

    // Looks the column up as a property name first (OpenTelemetry names contain dots), then as a dotted path
    // into nested objects, such as usage.input_tokens.
    private static JsonElement? Find(JsonElement root, string column)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty(column, out var direct))
        {
            return direct;
        }

        var current = root;
        foreach (var part in column.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static double? TryParse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value) && value >= 0
            ? value
            : null;

    private static Result MissingColumn(string column, string[] header) =>
        new([], $"column not found{KeySuggestion.Hint(column, header)}; columns: {string.Join(", ", header)}", true);

    private sealed class ValueCollector
    {
        private readonly List<double> _values = [];
        private readonly List<string> _invalid = [];
        private int _invalidCount;

        public bool HasErrors => _invalidCount > 0;

        public void Add(long line, string text, double? value)
        {
            if (value is { } number)
            {
                _values.Add(number);
                return;
            }

            _invalidCount++;
            if (_invalid.Count < MaxListedRows)
            {
                _invalid.Add($"line {line}: {text}");
            }
        }

        public Result ToResult(string column)
        {
            if (_invalidCount > 0)
            {
                var more = _invalidCount > _invalid.Count ? $" and {_invalidCount - _invalid.Count} more" : "";
                return new Result([], $"invalid values in column '{column}', expected token counts >= 0: "
                    + $"{string.Join("; ", _invalid)}{more}", false);
            }

            return _values.Count == 0
                ? new Result([], $"no values in column '{column}'", false)
                : new Result(_values, null, false);
        }
    }
}
