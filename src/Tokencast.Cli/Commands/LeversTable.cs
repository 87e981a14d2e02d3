using System.Globalization;
using Spectre.Console;
using Tokencast.Core.Levers;
using Tokencast.Core.Quality;

namespace Tokencast.Cli.Commands;

/// <summary>Prints a lever report as plain tables: per feature its points, knee, moves and routing measures.</summary>
internal static class LeversTable
{
    public static void Render(LeverReport report, IAnsiConsole console)
    {
        console.WriteLine($"{report.Scenario}: cost of one task in {report.Month:yyyy-MM}, seed {report.Seed}; "
            + (report.EvalsFile is null ? "no eval results" : $"quality from {report.EvalsFile}"));
        foreach (var feature in report.Features)
        {
            console.WriteLine();
            console.WriteLine($"feature {feature.Feature}");
            console.Write(PointTable(feature));
            foreach (var skipped in feature.Skipped)
            {
                console.WriteLine($"  not costed: {skipped.Label}: {skipped.Reason}");
            }

            foreach (var point in feature.Points.Where(point => point.Quality is null))
            {
                console.WriteLine($"  no eval data for {point.Label}, so it is left out of the frontier: "
                    + point.NoQualityReason);
            }

            console.WriteLine(feature.Knee.Point is { } knee
                ? $"  knee: {knee.Label}"
                : $"  no knee: {feature.Knee.Reason}");
            WriteMoves(feature, console);
            WriteRouting(feature, console);
        }
    }

    /// <summary>Formats a quality value with its 95 % interval, such as <c>0.850 [0.712, 0.930]</c>.</summary>
    public static string Quality(EvalQuality? quality) =>
        quality is null
            ? "no eval data"
            : string.Create(CultureInfo.InvariantCulture,
                $"{quality.Value:0.000} [{quality.Lower:0.000}, {quality.Upper:0.000}]");

    /// <summary>Formats the cost of one task in USD with six decimals.</summary>
    public static string TaskUsd(double value) => value.ToString("$0.000000", CultureInfo.InvariantCulture);

    private static Table PointTable(FeatureLevers feature)
    {
        var table = new Table().AddColumn("point");
        foreach (var column in new[] { "$/task mean", "P10", "P50", "P90" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        table.AddColumn("quality [[95 % interval]]").AddColumn("frontier").AddColumn("knee").AddColumn("current");
        foreach (var point in feature.Points)
        {
            table.AddRow(
                Markup.Escape(point.Label),
                TaskUsd(point.Cost.MeanUsd),
                TaskUsd(point.Cost.P10Usd),
                TaskUsd(point.Cost.P50Usd),
                TaskUsd(point.Cost.P90Usd),
                Markup.Escape(Quality(point.Quality)),
                point.OnFrontier ? "yes" : "",
                point.IsKnee ? "yes" : "",
                point.IsCurrent ? "yes" : "");
        }

        return table;
    }

    private static void WriteMoves(FeatureLevers feature, IAnsiConsole console)
    {
        if (feature.Moves is not { } moves)
        {
            console.WriteLine($"  moves: none, {feature.NoMovesReason}");
            return;
        }

        console.WriteLine($"  moves from {moves.Current.Label}:");
        console.WriteLine(moves.ToKnee is { } toKnee
            ? $"    to the knee, {Describe(toKnee)}"
            : $"    to the knee: none, {moves.NoKneeReason}");
        console.WriteLine(moves.OneTierDown is { } down
            ? $"    one tier down, {Describe(down)}"
            : "    one tier down: none, no frontier point is cheaper");
    }

    private static string Describe(Move move)
    {
        var relative = move.RelativeCostChange is { } change
            ? $" ({change.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture)})"
            : "";
        var cost = move.CostDeltaUsd.ToString("+$0.000000;-$0.000000;$0", CultureInfo.InvariantCulture);
        var quality = move.QualityDelta.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
        return $"{move.Target.Label}: cost {cost} per task{relative}, quality {quality}";
    }

    private static void WriteRouting(FeatureLevers feature, IAnsiConsole console)
    {
        if (feature.Routing is not { } routing)
        {
            if (feature.NoRoutingReason is { } reason)
            {
                console.WriteLine($"  routing: no measures, {reason}");
            }

            return;
        }

        var sweep = routing.Sweep;
        console.WriteLine($"  routing from {routing.CheapModel} to {routing.StrongModel}: "
            + (sweep.PgrUndefinedReason ?? string.Create(CultureInfo.InvariantCulture,
                $"APGR {routing.AveragePerformanceGapRecovered:0.000}, quality gap {sweep.QualityGap:0.000}")));
        console.WriteLine($"    50 % of the gap: {Share(routing.CallPerformance50)}");
        console.WriteLine($"    80 % of the gap: {Share(routing.CallPerformance80)}");
        if (routing.DroppedItems > 0)
        {
            console.WriteLine($"    {routing.DroppedItems} item(s) left out: only one of the two models has a result");
        }

        var table = new Table().AddColumn(new TableColumn("threshold").RightAligned());
        table.AddColumn(new TableColumn("escalated").RightAligned()).AddColumn("quality [[95 % interval]]");
        table.AddColumn(new TableColumn("PGR").RightAligned());
        foreach (var point in sweep.Points)
        {
            table.AddRow(
                point.Threshold.ToString("0.###", CultureInfo.InvariantCulture),
                point.EscalationShare.ToString("0.0%", CultureInfo.InvariantCulture),
                Markup.Escape(Quality(point.Quality)),
                point.PerformanceGapRecovered?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a");
        }

        console.Write(table);
    }

    private static string Share(CascadePoint? point) =>
        point is null
            ? "no threshold reaches it"
            : string.Create(CultureInfo.InvariantCulture,
                $"escalate {point.EscalationShare:0.0%} of tasks (threshold {point.Threshold:0.###}, PGR {point.PerformanceGapRecovered:0.000})");
}
