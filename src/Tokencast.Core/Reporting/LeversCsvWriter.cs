using Tokencast.Core.Levers;
using Tokencast.Core.Quality;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes a lever report as one CSV table in long form. The <c>record</c> column names the kind of row
/// (<c>point</c>, <c>skipped</c>, <c>move_to_knee</c>, <c>move_one_tier_down</c>, <c>no_knee</c>,
/// <c>no_moves</c>, <c>routing_threshold</c>, <c>routing_apgr</c>, <c>routing_pgr_50</c>,
/// <c>routing_pgr_80</c>, <c>no_routing</c>), and a row fills only the columns that apply to it.
/// </summary>
public static class LeversCsvWriter
{
    /// <summary>The header row, without its record separator.</summary>
    public const string Header = "feature,record,label,kind,current,on_frontier,knee,cost_mean_usd,cost_p10_usd,"
        + "cost_p50_usd,cost_p90_usd,quality,quality_lower,quality_upper,quality_items,threshold,escalation_share,"
        + "pgr,cost_delta_usd,relative_cost_change,quality_delta,note";

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static void Write(LeverReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Header + CsvText.RecordEnd);
        foreach (var feature in report.Features)
        {
            WriteFeature(feature, output);
        }
    }

    /// <summary>Returns the name of a point's kind as the CSV and JSON outputs write it.</summary>
    public static string KindName(LeverKind kind) => kind switch
    {
        LeverKind.Current => "current",
        LeverKind.ModelTier => "model_tier",
        LeverKind.CascadeThreshold => "cascade_threshold",
        _ => "variant",
    };

    private static void WriteFeature(FeatureLevers feature, TextWriter output)
    {
        foreach (var point in feature.Points)
        {
            Row(output, new Fields(feature.Feature, "point")
            {
                Label = point.Label,
                Kind = KindName(point.Kind),
                Current = point.IsCurrent,
                OnFrontier = point.OnFrontier,
                Knee = point.IsKnee,
                Cost = point.Cost,
                Quality = point.Quality,
                Threshold = point.Threshold,
                EscalationShare = point.EscalationShare,
                Note = point.NoQualityReason,
            });
        }

        foreach (var skipped in feature.Skipped)
        {
            Row(output, new Fields(feature.Feature, "skipped") { Label = skipped.Label, Note = skipped.Reason });
        }

        if (feature.Knee.Reason is { } noKnee)
        {
            Row(output, new Fields(feature.Feature, "no_knee") { Note = noKnee });
        }

        WriteMove(output, feature.Feature, "move_to_knee", feature.Moves?.ToKnee);
        WriteMove(output, feature.Feature, "move_one_tier_down", feature.Moves?.OneTierDown);
        if (feature.NoMovesReason is { } noMoves)
        {
            Row(output, new Fields(feature.Feature, "no_moves") { Note = noMoves });
        }

        WriteRouting(output, feature);
    }

    private static void WriteMove(TextWriter output, string feature, string record, Move? move)
    {
        if (move is null)
        {
            return;
        }

        Row(output, new Fields(feature, record)
        {
            Label = move.Target.Label,
            CostDelta = move.CostDeltaUsd,
            RelativeCostChange = move.RelativeCostChange,
            QualityDelta = move.QualityDelta,
        });
    }

    private static void WriteRouting(TextWriter output, FeatureLevers feature)
    {
        if (feature.Routing is not { } routing)
        {
            if (feature.NoRoutingReason is { } reason)
            {
                Row(output, new Fields(feature.Feature, "no_routing") { Note = reason });
            }

            return;
        }

        var models = $"{routing.CheapModel} to {routing.StrongModel}";
        foreach (var point in routing.Sweep.Points)
        {
            Row(output, CascadeFields(feature.Feature, "routing_threshold", models, point));
        }

        Row(output, new Fields(feature.Feature, "routing_apgr")
        {
            Label = models,
            Pgr = routing.AveragePerformanceGapRecovered,
            Note = routing.Sweep.PgrUndefinedReason,
        });
        foreach (var (record, point) in new[]
            { ("routing_pgr_50", routing.CallPerformance50), ("routing_pgr_80", routing.CallPerformance80) })
        {
            Row(output, point is null
                ? new Fields(feature.Feature, record) { Label = models, Note = "no threshold reaches this share of the gap" }
                : CascadeFields(feature.Feature, record, models, point));
        }
    }

    private static Fields CascadeFields(string feature, string record, string models, CascadePoint point) =>
        new(feature, record)
        {
            Label = models,
            Quality = point.Quality,
            Threshold = point.Threshold,
            EscalationShare = point.EscalationShare,
            Pgr = point.PerformanceGapRecovered,
        };

    private static void Row(TextWriter output, Fields row)
    {
        string[] fields =
        [
            row.Feature,
            row.Record,
            row.Label ?? "",
            row.Kind ?? "",
            Flag(row.Current),
            Flag(row.OnFrontier),
            Flag(row.Knee),
            Cost(row.Cost?.MeanUsd),
            Cost(row.Cost?.P10Usd),
            Cost(row.Cost?.P50Usd),
            Cost(row.Cost?.P90Usd),
            Plain(row.Quality?.Value),
            Plain(row.Quality?.Lower),
            Plain(row.Quality?.Upper),
            row.Quality is null ? "" : Plain(row.Quality.Items),
            Plain(row.Threshold),
            Plain(row.EscalationShare),
            Plain(row.Pgr),
            Cost(row.CostDelta),
            Plain(row.RelativeCostChange),
            Plain(row.QualityDelta),
            row.Note ?? "",
        ];
        output.Write(string.Join(',', fields.Select(CsvText.Field)) + CsvText.RecordEnd);
    }

    private static string Flag(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "",
    };

    private static string Cost(double? value) => value is { } v ? CsvText.Number(v, CsvText.TaskCostFormat) : "";

    private static string Plain(double? value) => value is { } v ? CsvText.Number(v, CsvText.PlainFormat) : "";

    private sealed record Fields(string Feature, string Record)
    {
        public string? Label { get; init; }

        public string? Kind { get; init; }

        public bool? Current { get; init; }

        public bool? OnFrontier { get; init; }

        public bool? Knee { get; init; }

        public CostPerTaskBand? Cost { get; init; }

        public EvalQuality? Quality { get; init; }

        public double? Threshold { get; init; }

        public double? EscalationShare { get; init; }

        public double? Pgr { get; init; }

        public double? CostDelta { get; init; }

        public double? RelativeCostChange { get; init; }

        public double? QualityDelta { get; init; }

        public string? Note { get; init; }
    }
}
