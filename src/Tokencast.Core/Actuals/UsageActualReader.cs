using Tokencast.Core.Logs;
using Tokencast.Core.Pricing;

namespace Tokencast.Core.Actuals;

/// <summary>
/// Reads a request log or LiteLLM spend log into <see cref="UsageActual"/>s with
/// <see cref="RequestLogReader"/> and prices it with <see cref="LogCostCalculator"/>: snapshots of
/// one response count once (the largest), failed calls with usage are priced, and rows without
/// usage are kept with an unknown cost.
/// </summary>
public static class UsageActualReader
{
    /// <summary>Reads and prices a log from its text.</summary>
    /// <param name="text">Content of the log.</param>
    /// <param name="source">Path of the log, used in messages; its file name is kept in actuals.</param>
    /// <param name="options">How to read the log.</param>
    /// <param name="catalog">Prices for the estimated cost.</param>
    /// <exception cref="InvalidInputException">
    /// A row is invalid (unless <see cref="UsageImportOptions.SetAside"/> is set and the problem is
    /// on a data row), the columns cannot be understood, or a model is missing from the catalog.
    /// </exception>
    public static UsageBatch Read(string text, string source, UsageImportOptions options, PriceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);

        var logOptions = options.Kind == ActualsKind.LiteLlm
            ? LiteLlmSpendLog.Adapt(options.LogOptions, text, source)
            : options.LogOptions;
        var rejected = new List<RejectedRow>();
        var (log, extras) = ReadSettingAside(text, source, options, logOptions, rejected);
        DateTimeOffset? traceStart = null;
        if (options.TimeScale is { } timeScale)
        {
            // Before pricing, so that prices are looked up at the moved dates.
            (log, traceStart) = timeScale.Apply(log, source);
        }

        var report = LogCostCalculator.Price(log, catalog, options.PriceDate, options.DefaultModel);
        var fileName = Path.GetFileName(source);
        var actuals = new List<UsageActual>();
        foreach (var row in report.Rows.Where(row => row.Status != CostStatus.Duplicate))
        {
            var record = row.Record;
            var (spend, tagFeature) = extras.GetValueOrDefault(record.Line);
            actuals.Add(new UsageActual
            {
                SourceFile = fileName,
                Line = record.Line,
                Timestamp = record.Timestamp,
                Feature = record.Feature ?? tagFeature ?? options.DefaultFeature,
                Cohort = record.Cohort,
                User = record.User,
                Model = record.Model ?? (record.Buckets is null ? null : options.DefaultModel),
                TaskId = record.TaskId ?? $"call:{fileName}:{record.Line}",
                ResponseId = record.ResponseId,
                Status = record.Status,
                Buckets = record.Buckets,
                EstimatedCostUsd = row.Cost?.TotalUsd,
                LiteLlmSpendUsd = spend,
            });
        }

        return new UsageBatch(
            actuals, rejected, log.Records.Count + rejected.Count, report.DuplicatesMerged, report.FailedRowsPriced)
        {
            TraceStart = traceStart,
        };
    }

    // Reads the log, and with set-aside on, leaves out every data row that has a problem and reads
    // again, until the rest reads cleanly. A problem without a data row (a header or column problem)
    // still stops the import, because no row can be blamed for it.
    private static (RequestLog Log, Dictionary<long, (decimal? Spend, string? Feature)> Extras) ReadSettingAside(
        string text,
        string source,
        UsageImportOptions options,
        RequestLogOptions logOptions,
        List<RejectedRow> rejected)
    {
        var skipped = new HashSet<long>();
        while (true)
        {
            try
            {
                var log = RequestLogReader.Parse(text, source, logOptions with { SkippedLines = skipped });
                return (log, ReadExtras(log, options));
            }
            catch (InvalidInputException exception) when (options.SetAside)
            {
                var rowProblems = exception.Problems
                    .Where(problem => problem.Line is { } line && !skipped.Contains(line))
                    .ToList();
                if (rowProblems.Count != exception.Problems.Count
                    || IsHeaderProblem(rowProblems, text, source, logOptions.Format))
                {
                    throw;
                }

                foreach (var group in rowProblems.GroupBy(problem => problem.Line!.Value))
                {
                    skipped.Add(group.Key);
                    rejected.Add(RejectedRow.FromProblems(group.Key, group));
                }

                rejected.Sort((left, right) => left.Line.CompareTo(right.Line));
            }
        }
    }

    // The header row of a CSV log cannot be set aside.
    private static bool IsHeaderProblem(List<InputProblem> problems, string text, string source, LogFormat? format)
    {
        if ((format ?? RequestLogReader.DetectFormat(source, text)) != LogFormat.Csv)
        {
            return false;
        }

        var headerLine = CsvRowReader.ReadRows(text, source).Select(row => row.Line).FirstOrDefault();
        return problems.Any(problem => problem.Line == headerLine);
    }

    private static Dictionary<long, (decimal? Spend, string? Feature)> ReadExtras(
        RequestLog log, UsageImportOptions options)
    {
        var extras = new Dictionary<long, (decimal?, string?)>();
        if (options.Kind != ActualsKind.LiteLlm)
        {
            return extras;
        }

        var problems = new List<InputProblem>();
        foreach (var record in log.Records)
        {
            var spend = LiteLlmSpendLog.ReadSpend(record, problems);
            var feature = options.FeatureTagKey is { } key ? LiteLlmSpendLog.ReadTag(record, key, problems) : null;
            extras[record.Line] = (spend, feature);
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : extras;
    }
}
