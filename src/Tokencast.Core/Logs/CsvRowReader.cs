using System.Text;

namespace Tokencast.Core.Logs;

/// <summary>
/// Splits CSV text into rows of fields as RFC 4180 defines them: fields in double quotes may hold
/// commas, line breaks and doubled quotes. Each row carries the 1-based line it starts on.
/// </summary>
internal static class CsvRowReader
{
    /// <summary>
    /// Pairs a row's fields with the header's column names. Returns null, and adds a problem, when the
    /// row has a different number of fields than the header.
    /// </summary>
    public static Dictionary<string, string>? MapFields(
        IReadOnlyList<string> header, long line, IReadOnlyList<string> values, string source,
        List<InputProblem> problems)
    {
        if (values.Count != header.Count)
        {
            problems.Add(new InputProblem(source, line, null, null,
                $"row has {values.Count} fields but the header has {header.Count}; "
                + "quote fields that contain commas"));
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            fields[header[i]] = values[i];
        }

        return fields;
    }

    public static IEnumerable<(long Line, IReadOnlyList<string> Fields)> ReadRows(string text, string source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1;
        long rowStart = 1;
        var inQuotes = false;
        var fieldQuoted = false;
        var rowHasContent = false;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !fieldQuoted:
                    inQuotes = fieldQuoted = rowHasContent = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldQuoted = false;
                    rowHasContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (rowHasContent || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return (rowStart, fields.ToArray());
                    }

                    fields.Clear();
                    field.Clear();
                    fieldQuoted = rowHasContent = false;
                    line++;
                    rowStart = line;
                    break;
                default:
                    field.Append(c);
                    rowHasContent = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new InvalidInputException(new InputProblem(source, rowStart, null, null,
                "quoted field is not closed before the end of the file; close it with a double quote"));
        }

        if (rowHasContent || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (rowStart, fields.ToArray());
        }
    }
}
