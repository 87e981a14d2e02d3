using Tokencast.Core.Forecasting;
using Tokencast.Core.Levers;
using Tokencast.Core.Quality;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes a what-if comparison as one CSV table: per branch a <c>horizon</c> row with spend over the
/// horizon before and after, and a <c>cost_per_task</c> row per feature with the first month's cost of one
/// task and, for a changed feature, its quality before and after. Money is USD.
/// </summary>
public static class WhatIfCsvWriter
{
    /// <summary>The header row, without its record separator.</summary>
    public const string Header = "branch,record,feature,changed,before_mean_usd,before_p10_usd,before_p50_usd,"
        + "before_p90_usd,after_mean_usd,after_p10_usd,after_p50_usd,after_p90_usd,change_p50_usd,"
        + "quality_before,quality_before_lower,quality_before_upper,quality_after,quality_after_lower,"
        + "quality_after_upper,note";

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>.</summary>
    public static void Write(WhatIfResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Header + CsvText.RecordEnd);
        foreach (var branch in result.Branches)
        {
            Row(output, branch.Branch, "horizon", "", "",
                [Spend(branch.Before.Mean), Spend(branch.Before.P10), Spend(branch.Before.P50), Spend(branch.Before.P90),
                 Spend(branch.After.Mean), Spend(branch.After.P10), Spend(branch.After.P50), Spend(branch.After.P90),
                 Spend(branch.Change.P50)],
                null, null, null);
            foreach (var feature in branch.Features)
            {
                var change = feature.Before is { } before && feature.After is { } after
                    ? Task(after.MedianUsd - before.MedianUsd)
                    : "";
                Row(output, branch.Branch, "cost_per_task", feature.Feature, feature.Changed ? "true" : "false",
                    [.. TaskCost(feature.Before), .. TaskCost(feature.After), change],
                    feature.QualityBefore, feature.QualityAfter,
                    feature.Changed && feature.NoQualityReason is not null ? "no eval data: " + feature.NoQualityReason : null);
            }
        }
    }

    // One task's cost has no P10 in the forecast's cost-per-task figures, so that field stays empty.
    private static string[] TaskCost(FeatureTaskCost? cost) =>
        cost is null ? ["", "", "", ""] : [Task(cost.MeanUsd), "", Task(cost.MedianUsd), Task(cost.P90Usd)];

    private static void Row(TextWriter output, string branch, string record, string feature, string changed,
        string[] money, EvalQuality? before, EvalQuality? after, string? note)
    {
        string[] fields =
        [
            branch, record, feature, changed, .. money, .. Quality(before), .. Quality(after), note ?? "",
        ];
        output.Write(string.Join(',', fields.Select(CsvText.Field)) + CsvText.RecordEnd);
    }

    private static string[] Quality(EvalQuality? quality) =>
        quality is null
            ? ["", "", ""]
            : [Plain(quality.Value), Plain(quality.Lower), Plain(quality.Upper)];

    private static string Spend(double value) => CsvText.Number(value, CsvText.SpendFormat);

    private static string Task(double value) => CsvText.Number(value, CsvText.TaskCostFormat);

    private static string Plain(double value) => CsvText.Number(value, CsvText.PlainFormat);
}
