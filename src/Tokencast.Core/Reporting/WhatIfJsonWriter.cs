using System.Text.Json;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Levers;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes a what-if comparison as indented JSON with snake_case keys: the sets applied, and per branch
/// the horizon spend before and after and each feature's first-month cost per task and quality.
/// </summary>
public static class WhatIfJsonWriter
{
    /// <summary>Writes <paramref name="result"/> as one JSON object to <paramref name="destination"/>.</summary>
    public static void Write(WhatIfResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        using var json = new Utf8JsonWriter(destination, BandsJsonWriter.Options);

        json.WriteStartObject();
        json.WriteString("scenario", result.Scenario);
        json.WriteString("first_month", ReportText.Month(result.FirstMonth));
        json.WriteNumber("months", result.Months);
        json.WriteNumber("trials", result.Trials);
        json.WriteNumber("seed", result.Seed);
        json.WriteStartArray("set");
        foreach (var entry in result.Overrides)
        {
            json.WriteStartObject();
            json.WriteString("path", entry.Path);
            json.WriteString("value", entry.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("branches");
        foreach (var branch in result.Branches)
        {
            json.WriteStartObject();
            json.WriteString("branch", branch.Branch);
            WriteBand("horizon_before_usd", branch.Before, json);
            WriteBand("horizon_after_usd", branch.After, json);
            json.WriteStartObject("horizon_change_usd");
            json.WriteNumber("p10", branch.Change.P10);
            json.WriteNumber("p50", branch.Change.P50);
            json.WriteNumber("p90", branch.Change.P90);
            json.WriteEndObject();
            json.WriteStartArray("features");
            foreach (var feature in branch.Features)
            {
                WriteFeature(feature, json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteBand(string name, Band band, Utf8JsonWriter json)
    {
        json.WriteStartObject(name);
        json.WriteNumber("mean", band.Mean);
        json.WriteNumber("p10", band.P10);
        json.WriteNumber("p50", band.P50);
        json.WriteNumber("p90", band.P90);
        json.WriteEndObject();
    }

    private static void WriteFeature(FeatureWhatIf feature, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("feature", feature.Feature);
        json.WriteBoolean("changed", feature.Changed);
        WriteTaskCost("cost_per_task_before_usd", feature.Before, json);
        WriteTaskCost("cost_per_task_after_usd", feature.After, json);
        LeversJsonWriter.WriteQuality("quality_before", feature.QualityBefore, json);
        LeversJsonWriter.WriteQuality("quality_after", feature.QualityAfter, json);
        json.WriteString("no_quality_reason", feature.Changed ? feature.NoQualityReason : null);
        json.WriteEndObject();
    }

    private static void WriteTaskCost(string name, FeatureTaskCost? cost, Utf8JsonWriter json)
    {
        if (cost is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("mean", cost.MeanUsd);
        json.WriteNumber("p50", cost.MedianUsd);
        json.WriteNumber("p90", cost.P90Usd);
        json.WriteEndObject();
    }
}
