using System.Globalization;
using System.Text.Json;
using Tokencast.Core.Logs;

namespace Tokencast.Core.Actuals;

/// <summary>
/// Reads a FinOps FOCUS billing export (CSV, versions 1.0 to 1.3) into <see cref="BilledActual"/>s.
/// Costs are read as exact decimals. FOCUS 1.3 names the provider <c>ServiceProviderName</c> and
/// earlier versions <c>ProviderName</c>; both are read. <c>NULL</c> and empty fields are nulls.
/// </summary>
public static class FocusReader
{
    private const string AcceptedTimes = "ISO 8601 date and time, such as 2025-03-01T00:00:00Z "
        + "or 2025-03-01 00:00:00 (read as UTC)";

    private static readonly string[] RequiredColumns =
        ["BilledCost", "EffectiveCost", "BillingCurrency", "ChargePeriodStart", "ChargePeriodEnd"];

    /// <summary>Reads an export from its text.</summary>
    /// <param name="text">Content of the export.</param>
    /// <param name="source">Path of the export, used in messages; its file name is kept in actuals.</param>
    /// <param name="options">Feature tag and set-aside.</param>
    /// <exception cref="InvalidInputException">
    /// A required column is missing, or a row has an invalid decimal, date or tags value (unless
    /// <see cref="FocusImportOptions.SetAside"/> is set). Every problem is listed.
    /// </exception>
    public static BilledBatch Read(string text, string source, FocusImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var rows = CsvRowReader.ReadRows(text, source).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidInputException(new InputProblem(source, null, null, null,
                "export is empty; a FOCUS CSV export needs a header row and data rows"));
        }

        var header = rows[0].Fields.Select(name => name.Trim()).ToList();
        CheckHeader(header, source, rows[0].Line);

        var fileName = Path.GetFileName(source);
        var actuals = new List<BilledActual>();
        var rejected = new List<RejectedRow>();
        var problems = new List<InputProblem>();
        foreach (var (line, values) in rows.Skip(1))
        {
            var rowProblems = new List<InputProblem>();
            var actual = ReadRow(header, values, line, source, fileName, options, rowProblems);
            if (rowProblems.Count == 0)
            {
                actuals.Add(actual!);
            }
            else if (options.SetAside)
            {
                rejected.Add(RejectedRow.FromProblems(line, rowProblems));
            }
            else
            {
                problems.AddRange(rowProblems);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return new BilledBatch(actuals, rejected, rows.Count - 1);
    }

    private static void CheckHeader(List<string> header, string source, long line)
    {
        var missing = RequiredColumns
            .Where(column => !header.Contains(column, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidInputException(new InputProblem(source, line, null, string.Join(", ", missing),
                "the FOCUS export lacks required columns. A billing export needs BilledCost, EffectiveCost, "
                + "BillingCurrency, ChargePeriodStart and ChargePeriodEnd (FOCUS 1.0 and later name them so)."));
        }
    }

    private static BilledActual? ReadRow(
        List<string> header,
        IReadOnlyList<string> values,
        long line,
        string source,
        string fileName,
        FocusImportOptions options,
        List<InputProblem> problems)
    {
        if (values.Count != header.Count)
        {
            problems.Add(new InputProblem(source, line, null, null,
                $"row has {values.Count} fields but the header has {header.Count}; "
                + "quote fields that contain commas"));
            return null;
        }

        string? Text(string column)
        {
            var index = header.FindIndex(name => string.Equals(name, column, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var value = values[index].Trim();
            return value.Length == 0 || value.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : value;
        }

        decimal Cost(string column)
        {
            var text = Text(column);
            if (text is not null
                && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cost))
            {
                return cost;
            }

            problems.Add(new InputProblem(source, line, column, text,
                "cost must be a decimal number with a '.' separator, such as 12.5 or -0.0000008, "
                + "and must not be null"));
            return 0m;
        }

        DateTimeOffset Time(string column)
        {
            var text = Text(column);
            const DateTimeStyles style = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
            if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, style, out var time))
            {
                return time;
            }

            problems.Add(new InputProblem(source, line, column, text,
                $"date must be an {AcceptedTimes}; it must not be null"));
            return default;
        }

        var currency = Text("BillingCurrency");
        if (currency is null)
        {
            problems.Add(new InputProblem(source, line, "BillingCurrency", null,
                "billing currency is missing; it must be an ISO 4217 code such as USD"));
        }

        // The fields are read in a fixed order, so problems are listed in that order.
        var start = Time("ChargePeriodStart");
        var end = Time("ChargePeriodEnd");
        if (start != default && end != default && end < start)
        {
            problems.Add(new InputProblem(source, line, "ChargePeriodEnd", Text("ChargePeriodEnd"),
                $"charge period ends before it starts ({Text("ChargePeriodStart")}); the end must not be before the start"));
        }

        var billedCost = Cost("BilledCost");
        var effectiveCost = Cost("EffectiveCost");
        var tags = ReadTags(Text("Tags"), source, line, problems);
        var actual = new BilledActual
        {
            SourceFile = fileName,
            Line = line,
            ChargePeriodStart = start,
            ChargePeriodEnd = end,
            BillingCurrency = currency ?? "",
            BilledCost = billedCost,
            EffectiveCost = effectiveCost,
            ServiceName = Text("ServiceName"),
            SkuId = Text("SkuId"),
            SkuPriceId = Text("SkuPriceId"),
            Provider = Text("ServiceProviderName") ?? Text("ProviderName"),
            ChargeCategory = Text("ChargeCategory"),
            Tags = tags,
            Feature = options.FeatureTagKey is { } key ? tags.GetValueOrDefault(key) : null,
        };
        return problems.Count == 0 ? actual : null;
    }

    private static Dictionary<string, string> ReadTags(
        string? text, string source, long line, List<InputProblem> problems)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text is null)
        {
            return tags;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("not an object");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                tags[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString() ?? ""
                    : property.Value.GetRawText();
            }
        }
        catch (JsonException)
        {
            problems.Add(new InputProblem(source, line, "Tags", text,
                "tags must be a JSON object of key-value pairs, such as {\"feature\":\"support-chat\"}"));
        }

        return tags;
    }
}
