using Tokencast.Core.Logs;

namespace Tokencast.Core.Quality;

/// <summary>
/// Reads an eval results file: CSV with a header row (<c>.csv</c>) or JSON Lines (<c>.jsonl</c>,
/// <c>.json</c>), with per-item rows (<c>feature, item, model, passed | score[, confidence]</c>) or
/// aggregate rows (<c>feature, model, pass_rate, items</c>). Every problem found is reported, with
/// file, line, column and value, in one <see cref="InvalidInputException"/>.
/// </summary>
public static class EvalResultsReader
{
    /// <summary>Reads an eval results file, which must be UTF-8 text.</summary>
    /// <exception cref="InvalidInputException">The file is not UTF-8 or has invalid rows.</exception>
    public static EvalResults Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = Inputs.StrictUtf8.ReadFile(path);
        return Parse(text, path);
    }

    /// <summary>
    /// Reads eval results from text. The extension of <paramref name="source"/> chooses the format,
    /// and <paramref name="source"/> names the file in messages.
    /// </summary>
    /// <exception cref="InvalidInputException">The extension is unknown or the rows are invalid.</exception>
    public static EvalResults Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        text = text.TrimStart('\uFEFF');

        var extension = Path.GetExtension(source).ToLowerInvariant();
        var problems = new List<InputProblem>();
        var rows = extension switch
        {
            ".csv" => ReadCsv(text, source, problems),
            ".jsonl" or ".json" => ReadJsonLines(text, source, problems),
            _ => throw new InvalidInputException(new InputProblem(source, null, null, extension,
                "unknown eval results format; name the file .csv for CSV, or .jsonl or .json for JSON Lines")),
        };

        if (rows.Count == 0 && problems.Count == 0)
        {
            throw new InvalidInputException(new InputProblem(source, null, null, null,
                "eval results file is empty; it needs at least one per-item or aggregate row"));
        }

        var parsed = new List<EvalRow>(rows.Count);
        foreach (var (line, fields) in rows)
        {
            var row = EvalRowParser.Parse(line, fields, source, problems);
            if (row is not null)
            {
                parsed.Add(row);
            }
        }

        var features = EvalResultsBuilder.Build(parsed, source, problems);
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems.OrderBy(problem => problem.Line ?? 0).ToList());
        }

        return new EvalResults(source, features);
    }

    private static List<(long Line, Dictionary<string, string> Fields)> ReadCsv(
        string text, string source, List<InputProblem> problems)
    {
        var rows = CsvRowReader.ReadRows(text, source)
            .Where(row => row.Fields.Any(field => field.Trim().Length > 0))
            .ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var headerLine = rows[0].Line;
        var header = rows[0].Fields.Select(name => name.Trim().ToLowerInvariant()).ToList();
        var repeated = header.GroupBy(name => name).Where(group => group.Count() > 1).Select(group => group.Key);
        foreach (var name in repeated)
        {
            problems.Add(new InputProblem(source, headerLine, name, null,
                $"the header names the column '{name}' more than once; remove the extra column"));
        }

        CheckColumns(header, source, headerLine, problems);
        if (header.Contains(EvalRowParser.Feature) && header.Contains(EvalRowParser.Model)
            && !header.Contains(EvalRowParser.Item) && !header.Contains(EvalRowParser.PassRate))
        {
            problems.Add(new InputProblem(source, headerLine, null, null,
                "the header has no result columns; give item with passed or score for per-item rows, "
                + "or pass_rate and items for aggregate rows"));
        }

        var result = new List<(long, Dictionary<string, string>)>();
        foreach (var (line, values) in rows.Skip(1))
        {
            var fields = CsvRowReader.MapFields(header, line, values, source, problems);
            if (fields is not null)
            {
                result.Add((line, fields));
            }
        }

        return result;
    }

    private static List<(long Line, Dictionary<string, string> Fields)> ReadJsonLines(
        string text, string source, List<InputProblem> problems)
    {
        var (_, rows) = RequestLogReader.ReadJsonLines(text, source, new HashSet<long>());
        var lowered = rows
            .Select(row => (row.Line, row.Fields.ToDictionary(
                field => field.Key.Trim().ToLowerInvariant(), field => field.Value, StringComparer.Ordinal)))
            .ToList();

        // Each JSON line carries its own keys, so an unknown key is reported at the first line that has it.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in lowered)
        {
            var unknown = fields.Keys.Where(key => !EvalRowParser.Columns.Contains(key) && reported.Add(key));
            CheckColumns([.. unknown], source, line, problems, requireIdentity: false);
        }

        return lowered;
    }

    private static void CheckColumns(
        IReadOnlyList<string> columns,
        string source,
        long line,
        List<InputProblem> problems,
        bool requireIdentity = true)
    {
        var allowed = string.Join(", ", EvalRowParser.Columns);
        foreach (var column in columns.Where(column => !EvalRowParser.Columns.Contains(column)).Distinct())
        {
            problems.Add(new InputProblem(source, line, column, null,
                $"unknown column '{column}'; the allowed columns are {allowed}"));
        }

        if (!requireIdentity)
        {
            return;
        }

        string[] required = [EvalRowParser.Feature, EvalRowParser.Model];
        foreach (var column in required.Where(column => !columns.Contains(column)))
        {
            problems.Add(new InputProblem(source, line, column, null,
                $"required column '{column}' is missing; every eval results file needs feature and model"));
        }
    }
}
