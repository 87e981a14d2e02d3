using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Reads <c>{empirical: {values: [...]}}</c> or <c>{empirical: {file: ..., column: ...}}</c>, loading the file
/// relative to the scenario file.
/// </summary>
internal static class EmpiricalReader
{
    public static TokenDistributionSpec? Read(
        YamlNode node, string path, ParseContext context, SourceLocation location, string written)
    {
        var parameters = MappingReader.Open(node, path, context, "empirical parameters",
            ["values", "file", "column", "max"]);
        if (parameters is null)
        {
            return null;
        }

        var max = parameters.Number("max", ValueRange.PositiveTokenCount);
        var valuesNode = parameters.Find("values");
        if (valuesNode is not null && (parameters.Has("file") || parameters.Has("column")))
        {
            context.Report(node, path, written, "use either values or file with column, not both");
            return null;
        }

        string? fullPath = null;
        IReadOnlyList<double>? values;
        if (valuesNode is not null)
        {
            values = ReadInlineValues(valuesNode, parameters.ChildPath("values"), context);
        }
        else if (parameters.Has("file") || parameters.Has("column"))
        {
            var file = parameters.Text("file", required: true);
            var column = parameters.Text("column", required: true);
            if (file is null || column is null)
            {
                return null;
            }

            fullPath = context.ResolvePath(file);
            values = LoadFile(parameters, fullPath, column);
        }
        else
        {
            context.Report(node, path, written, "missing parameters; expected values: [...] or file and column");
            return null;
        }

        return values is null
            ? null
            : new TokenDistributionSpec(TokenDistributionKind.Empirical, new Dictionary<string, double>(), values,
                max, fullPath, written, location);
    }

    private static List<double>? ReadInlineValues(YamlNode node, string path, ParseContext context)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            context.Report(node, path, ScalarReader.ValueOf(node), "expected a non-empty list of token counts from 0 to 10,000,000");
            return null;
        }

        var values = new List<double>();
        var valid = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (ScalarReader.TryNumber(sequence.Children[i], NodePaths.Item(path, i), context, ValueRange.TokenCount,
                    out var value))
            {
                values.Add(value);
            }
            else
            {
                valid = false;
            }
        }

        return valid ? values : null;
    }

    private static IReadOnlyList<double>? LoadFile(MappingReader parameters, string fullPath, string column)
    {
        var context = parameters.Context;
        var cacheKey = $"{fullPath}\n{column}";
        if (context.EmpiricalCache.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var fileNode = parameters.Find("file")!;
        var filePath = parameters.ChildPath("file");
        if (!context.Files.Exists(fullPath))
        {
            context.Report(fileNode, filePath, ScalarReader.ValueOf(fileNode),
                $"file not found: {fullPath}; paths are relative to the scenario file");
            return null;
        }

        var result = EmpiricalValuesFile.Load(context.Files, fullPath, column);
        if (result.MissingColumn)
        {
            var columnNode = parameters.Find("column")!;
            context.Report(columnNode, parameters.ChildPath("column"), column, result.Error!);
            return null;
        }

        if (result.Error is not null)
        {
            context.Report(fileNode, filePath, ScalarReader.ValueOf(fileNode), result.Error);
            return null;
        }

        context.EmpiricalCache[cacheKey] = result.Values;
        return result.Values;
    }
}
