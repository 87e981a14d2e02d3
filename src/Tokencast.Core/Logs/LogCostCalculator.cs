using Tokencast.Core.Pricing;

namespace Tokencast.Core.Logs;

/// <summary>
/// Prices every row of a request log at the prices in effect on the row's own date, after merging
/// snapshots of one response. Failed calls with usage are paid; rows without usage are counted and
/// never priced as free.
/// </summary>
public static class LogCostCalculator
{
    /// <summary>Prices a log.</summary>
    /// <param name="log">The log as read.</param>
    /// <param name="catalog">Prices to use.</param>
    /// <param name="today">Date whose prices apply to rows without a date.</param>
    /// <param name="defaultModel">Model for rows without one, or null to reject such rows.</param>
    /// <exception cref="InvalidInputException">
    /// A row names an unknown model, has no model, or cannot be priced. Every such problem is
    /// listed, and each unknown model once, with its first line and close names.
    /// </exception>
    public static LogCostReport Price(
        RequestLog log, PriceCatalog catalog, DateOnly today, string? defaultModel = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(catalog);
        var duplicates = ResponseDeduplicator.FindDuplicates(log.Records);
        var resolved = new Dictionary<(string, DateOnly), ModelPrices>();
        var failedModels = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<InputProblem>();
        var rows = new List<RecordCost>();
        var rowsWithoutModel = new List<long>();

        foreach (var record in log.Records)
        {
            if (duplicates.TryGetValue(record, out var kept))
            {
                rows.Add(new RecordCost(record, CostStatus.Duplicate, null, kept.Line, null));
                continue;
            }

            if (record.Buckets is not { } buckets)
            {
                rows.Add(new RecordCost(record, CostStatus.NoUsage, null, null, null));
                continue;
            }

            var model = record.Model ?? defaultModel;
            if (model is null)
            {
                rowsWithoutModel.Add(record.Line);
                continue;
            }

            // A log has no scenario, so the remedy is a catalog that has the model, not a price override.
            if (!catalog.Contains(model))
            {
                if (failedModels.Add(model))
                {
                    problems.Add(UnknownModel(log.SourceFile, record.Line, model, catalog));
                }

                continue;
            }

            var date = record.Timestamp is { } time ? DateOnly.FromDateTime(time.UtcDateTime) : today;
            try
            {
                if (!resolved.TryGetValue((model, date), out var prices))
                {
                    prices = catalog.Resolve(model, date);
                    resolved[(model, date)] = prices;
                }

                var cost = CallCost.Calculate(prices, buckets, record.ServiceTier ?? ServiceTier.Standard);
                rows.Add(new RecordCost(record, CostStatus.Priced, cost, null, date));
            }
            catch (InvalidInputException exception)
            {
                if (failedModels.Add(model + "|" + exception.Message))
                {
                    problems.AddRange(exception.Problems.Select(problem => problem with
                    {
                        File = log.SourceFile,
                        Line = record.Line,
                    }));
                }
            }
        }

        if (rowsWithoutModel.Count > 0)
        {
            problems.Insert(0, new InputProblem(log.SourceFile, rowsWithoutModel[0],
                log.ColumnFields.GetValueOrDefault(LogField.Model), null,
                $"{rowsWithoutModel.Count} rows have usage but no model, the first on this line; add a model "
                + "column, map one with --map model=COLUMN, or give a default with --model."));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return Summarize(rows);
    }

    private static InputProblem UnknownModel(string source, long line, string model, PriceCatalog catalog)
    {
        var suggestions = catalog.SuggestNames(model);
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions)}?" : "";
        return new InputProblem(source, line, "model", model,
            $"model '{model}' is not in the price catalog ({catalog.Source}).{hint} Fix the model name "
            + "in the log, or pass a catalog that has the model with --catalog.");
    }

    private static LogCostReport Summarize(List<RecordCost> rows)
    {
        var priced = rows.Where(row => row.Status == CostStatus.Priced).ToList();
        return new LogCostReport(
            rows,
            priced.Sum(row => row.Cost!.TotalUsd),
            SumBy(priced, row => row.Record.Model ?? row.Cost!.Model),
            SumBy(priced, row => row.Record.Feature ?? ""),
            SumBy(priced.Where(row => row.Record.TaskId is not null), row => row.Record.TaskId!),
            priced.Count,
            rows.Count(row => row.Status == CostStatus.NoUsage),
            rows.Count(row => row.Status == CostStatus.Duplicate),
            priced.Count(row => row.Record.Timestamp is null),
            priced.Count(row => row.Record.Status == RequestStatus.Failed));
    }

    private static SortedDictionary<string, decimal> SumBy(
        IEnumerable<RecordCost> rows, Func<RecordCost, string> key)
    {
        var totals = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var name = key(row);
            totals[name] = totals.GetValueOrDefault(name) + row.Cost!.TotalUsd;
        }

        return totals;
    }
}
