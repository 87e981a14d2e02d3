using System.Globalization;

namespace Tokencast.Core.Quality;

/// <summary>
/// Checks parsed eval rows against each other (duplicates, per-item and aggregate rows for one feature
/// and model, conflicting confidence) and groups them into <see cref="FeatureEvalResults"/>.
/// </summary>
internal static class EvalResultsBuilder
{
    public static IReadOnlyList<FeatureEvalResults> Build(
        IReadOnlyList<EvalRow> rows, string source, List<InputProblem> problems)
    {
        var features = new List<FeatureEvalResults>();
        foreach (var featureRows in rows.GroupBy(row => row.Feature, StringComparer.Ordinal))
        {
            var feature = featureRows.Key;
            var models = new Dictionary<string, EvalQuality>(StringComparer.Ordinal);
            foreach (var modelRows in featureRows.GroupBy(row => row.Model, StringComparer.Ordinal))
            {
                var quality = BuildModel(feature, modelRows.Key, [.. modelRows], source, problems);
                if (quality is not null)
                {
                    models[modelRows.Key] = quality;
                }
            }

            var items = featureRows
                .Where(row => !row.IsAggregate)
                .Select(row => new EvalItemResult(
                    row.Item!, row.Model, row.Score!.Value, row.IsPassFail, row.Line))
                .ToList();
            var confidence = CollectConfidence(feature, [.. featureRows], source, problems);
            features.Add(new FeatureEvalResults(feature, models, items, confidence));
        }

        return features;
    }

    private static EvalQuality? BuildModel(
        string feature, string model, List<EvalRow> rows, string source, List<InputProblem> problems)
    {
        var aggregates = rows.Where(row => row.IsAggregate).ToList();
        var items = rows.Where(row => !row.IsAggregate).ToList();
        if (aggregates.Count > 0 && items.Count > 0)
        {
            problems.Add(new InputProblem(source, aggregates[0].Line, EvalRowParser.PassRate, null,
                $"feature '{feature}' model '{model}' has per-item rows (first at line {items[0].Line}) and an "
                + "aggregate row; a file may mix the two kinds across features but not within one feature "
                + "and model, so keep one kind"));
            return null;
        }

        if (aggregates.Count > 1)
        {
            foreach (var repeat in aggregates.Skip(1))
            {
                problems.Add(new InputProblem(source, repeat.Line, null, null,
                    $"duplicate aggregate row for feature '{feature}' model '{model}' (first at line "
                    + $"{aggregates[0].Line}); keep one aggregate row per feature and model"));
            }

            return null;
        }

        if (aggregates.Count == 1)
        {
            return EvalQuality.FromPassRate(aggregates[0].PassRate!.Value, (int)aggregates[0].Items!.Value);
        }

        var firstLines = new Dictionary<string, long>(StringComparer.Ordinal);
        var duplicated = false;
        foreach (var row in items)
        {
            if (!firstLines.TryAdd(row.Item!, row.Line))
            {
                duplicated = true;
                problems.Add(new InputProblem(source, row.Line, EvalRowParser.Item, row.Item,
                    $"duplicate result for feature '{feature}' item '{row.Item}' model '{model}' "
                    + $"(first at line {firstLines[row.Item!]}); keep one row per feature, item and model"));
            }
        }

        if (duplicated)
        {
            return null;
        }

        // Pass/fail rows get the Wilson interval; once any row is a score, all are read as scores.
        return items.All(row => row.IsPassFail)
            ? EvalQuality.FromPassRate(items.Average(row => row.Score!.Value), items.Count)
            : EvalQuality.FromScores([.. items.Select(row => row.Score!.Value)]);
    }

    private static Dictionary<string, double> CollectConfidence(
        string feature, List<EvalRow> rows, string source, List<InputProblem> problems)
    {
        var confidence = new Dictionary<string, double>(StringComparer.Ordinal);
        var firstLines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows.Where(row => row.Confidence is not null))
        {
            var value = row.Confidence!.Value;
            if (confidence.TryAdd(row.Item!, value))
            {
                firstLines[row.Item!] = row.Line;
            }
            else if (confidence[row.Item!] != value)
            {
                problems.Add(new InputProblem(source, row.Line, EvalRowParser.Confidence,
                    value.ToString("R", CultureInfo.InvariantCulture),
                    $"confidence for feature '{feature}' item '{row.Item}' differs from the "
                    + $"{confidence[row.Item!].ToString("R", CultureInfo.InvariantCulture)} at line "
                    + $"{firstLines[row.Item!]}; the router scores an item once, "
                    + "so give one confidence per item"));
            }
        }

        return confidence;
    }
}
