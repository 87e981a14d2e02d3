using System.Text.Json;
using Tokencast.Core.Levers;
using Tokencast.Core.Quality;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes a lever report as indented JSON with snake_case keys: per feature the points, the frontier,
/// the knee, the moves from the current point and the cascade's routing measures. Unknown values are null.
/// </summary>
public static class LeversJsonWriter
{
    /// <summary>Writes <paramref name="report"/> as one JSON object to <paramref name="destination"/>.</summary>
    public static void Write(LeverReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        using var json = new Utf8JsonWriter(destination, BandsJsonWriter.Options);

        json.WriteStartObject();
        json.WriteString("scenario", report.Scenario);
        json.WriteString("month", ReportText.Month(report.Month));
        json.WriteNumber("seed", report.Seed);
        json.WriteString("evals_file", report.EvalsFile);
        json.WriteStartArray("features");
        foreach (var feature in report.Features)
        {
            WriteFeature(feature, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFeature(FeatureLevers feature, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("feature", feature.Feature);
        json.WriteStartArray("points");
        foreach (var point in feature.Points)
        {
            WritePoint(point, json);
        }

        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var skipped in feature.Skipped)
        {
            json.WriteStartObject();
            json.WriteString("label", skipped.Label);
            json.WriteString("reason", skipped.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("frontier");
        foreach (var point in feature.Frontier)
        {
            json.WriteStringValue(point.Label);
        }

        json.WriteEndArray();
        json.WriteString("knee", feature.Knee.Point?.Label);
        json.WriteString("no_knee_reason", feature.Knee.Reason);
        json.WriteStartObject("moves");
        WriteMove("to_knee", feature.Moves?.ToKnee, json);
        WriteMove("one_tier_down", feature.Moves?.OneTierDown, json);
        json.WriteString("no_moves_reason", feature.NoMovesReason);
        json.WriteEndObject();
        WriteRouting(feature, json);
        json.WriteEndObject();
    }

    private static void WritePoint(LeverPoint point, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("label", point.Label);
        json.WriteString("kind", LeversCsvWriter.KindName(point.Kind));
        json.WriteBoolean("current", point.IsCurrent);
        json.WriteBoolean("on_frontier", point.OnFrontier);
        json.WriteBoolean("knee", point.IsKnee);
        json.WriteStartObject("cost_per_task_usd");
        Number("mean", point.Cost.MeanUsd, json);
        Number("p10", point.Cost.P10Usd, json);
        Number("p50", point.Cost.P50Usd, json);
        Number("p90", point.Cost.P90Usd, json);
        json.WriteEndObject();
        WriteQuality("quality", point.Quality, json);
        json.WriteString("no_quality_reason", point.NoQualityReason);
        Number("threshold", point.Threshold, json);
        Number("escalation_share", point.EscalationShare, json);
        json.WriteEndObject();
    }

    private static void WriteMove(string name, Move? move, Utf8JsonWriter json)
    {
        if (move is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("target", move.Target.Label);
        Number("cost_delta_usd", move.CostDeltaUsd, json);
        Number("relative_cost_change", move.RelativeCostChange, json);
        Number("quality_delta", move.QualityDelta, json);
        json.WriteEndObject();
    }

    private static void WriteRouting(FeatureLevers feature, Utf8JsonWriter json)
    {
        if (feature.Routing is not { } routing)
        {
            json.WriteNull("routing");
            json.WriteString("no_routing_reason", feature.NoRoutingReason);
            return;
        }

        json.WriteStartObject("routing");
        json.WriteString("cheap", routing.CheapModel);
        json.WriteString("strong", routing.StrongModel);
        Number("quality_gap", routing.Sweep.QualityGap, json);
        json.WriteString("pgr_undefined_reason", routing.Sweep.PgrUndefinedReason);
        Number("apgr", routing.AveragePerformanceGapRecovered, json);
        WriteCascadePoint("pgr_50", routing.CallPerformance50, json);
        WriteCascadePoint("pgr_80", routing.CallPerformance80, json);
        json.WriteNumber("dropped_items", routing.DroppedItems);
        json.WriteStartArray("thresholds");
        foreach (var point in routing.Sweep.Points)
        {
            WriteCascadePoint(null, point, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNull("no_routing_reason");
    }

    private static void WriteCascadePoint(string? name, CascadePoint? point, Utf8JsonWriter json)
    {
        if (point is null)
        {
            json.WriteNull(name!);
            return;
        }

        if (name is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(name);
        }

        Number("threshold", point.Threshold, json);
        Number("escalation_share", point.EscalationShare, json);
        json.WriteNumber("escalated_items", point.EscalatedItems);
        WriteQuality("quality", point.Quality, json);
        Number("pgr", point.PerformanceGapRecovered, json);
        json.WriteEndObject();
    }

    /// <summary>Writes a quality with its interval as an object, or null.</summary>
    internal static void WriteQuality(string name, EvalQuality? quality, Utf8JsonWriter json)
    {
        if (quality is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        Number("value", quality.Value, json);
        Number("lower", quality.Lower, json);
        Number("upper", quality.Upper, json);
        json.WriteNumber("items", quality.Items);
        json.WriteString("measure", quality.Measure == QualityMeasure.PassRate ? "pass_rate" : "mean_score");
        json.WriteEndObject();
    }

    private static void Number(string name, double? value, Utf8JsonWriter json)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
