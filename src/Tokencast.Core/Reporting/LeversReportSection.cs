using System.Globalization;
using System.Net;
using Tokencast.Core.Levers;
using Tokencast.Core.Quality;
using static Tokencast.Core.Reporting.HtmlTable;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes the "Quality and cost per feature" section of the HTML report: for each feature its quality-cost
/// chart (frontier, knee, current point), the operating points, and what moving to the knee or one tier down
/// would change.
/// </summary>
internal static class LeversReportSection
{
    /// <summary>The element id of the section, for the page's navigation.</summary>
    public const string Id = "quality-cost";

    /// <summary>Writes the section for <paramref name="report"/>.</summary>
    public static void Write(TextWriter output, LeverReport report)
    {
        output.WriteLine($"<section id=\"{Id}\">");
        output.WriteLine("<h2>Quality and cost per feature</h2>");
        output.WriteLine(
            $"<p>Each point is one way to run the feature: as written, on another model tier, as a cascade at a " +
            $"confidence threshold, or as a named variant. Its cost is the mean cost of one task in " +
            $"{ReportText.MonthLabel(report.Month)}, from the same task simulation as the forecast; its quality " +
            $"comes from the eval results{(report.EvalsFile is { } file ? " in " + WebUtility.HtmlEncode(Path.GetFileName(file)) : "")}, " +
            "with a 95 % interval. The frontier joins the points that no other point beats on both cost and quality; " +
            "the knee (Kneedle) is where extra spend starts to buy little quality.</p>");
        foreach (var feature in report.Features)
        {
            WriteFeature(output, feature);
        }

        output.WriteLine("</section>");
    }

    private static void WriteFeature(TextWriter output, FeatureLevers feature)
    {
        output.WriteLine($"<h3>{WebUtility.HtmlEncode(feature.Feature)}</h3>");
        output.WriteLine("<figure>");
        QualityCostChartSvg.Write(feature, output);
        output.WriteLine("</figure>");
        output.WriteLine($"<p>{WebUtility.HtmlEncode(MovesText(feature))}</p>");
        HtmlTable.Write(
            output,
            $"Operating points of {feature.Feature}: cost of one task in USD, quality with its 95 % interval",
            [
                Column.Label("Point"), Column.Number("Mean"), Column.Number("P10"), Column.Number("P50"),
                Column.Number("P90"), Column.Number("Quality"), Column.Text("Interval"), Column.Text("Role"),
            ],
            feature.Points.Select(point => new[]
            {
                point.Label,
                ReportText.Usd(point.Cost.MeanUsd),
                ReportText.Usd(point.Cost.P10Usd),
                ReportText.Usd(point.Cost.P50Usd),
                ReportText.Usd(point.Cost.P90Usd),
                point.Quality is { } quality ? Fraction(quality.Value) : "unknown",
                point.Quality is { } q ? $"{Fraction(q.Lower)} to {Fraction(q.Upper)} ({q.Items:N0} items)" : point.NoQualityReason ?? "",
                Role(point),
            }));
        foreach (var skipped in feature.Skipped)
        {
            output.WriteLine($"<p class=\"empty\">Not costed: {WebUtility.HtmlEncode(skipped.Label)}: "
                + $"{WebUtility.HtmlEncode(skipped.Reason)}</p>");
        }
    }

    private static string MovesText(FeatureLevers feature)
    {
        if (feature.Moves is not { } moves)
        {
            return feature.NoMovesReason ?? "No moves: the current point has no quality.";
        }

        var parts = new List<string>();
        parts.Add(moves.ToKnee is { } knee
            ? knee.CostDeltaUsd == 0 && knee.QualityDelta == 0
                ? "The current point is the knee."
                : $"Moving to the knee ({knee.Target.Label}) {Change(knee)}."
            : $"No knee: {moves.NoKneeReason}.");
        parts.Add(moves.OneTierDown is { } down
            ? $"One tier down ({down.Target.Label}) {Change(down)}."
            : "No cheaper point on the frontier.");
        return string.Join(' ', parts);
    }

    private static string Change(Move move)
    {
        var relative = move.RelativeCostChange is { } r ? $" ({r.ToString("+0.0 %;-0.0 %", CultureInfo.InvariantCulture)})" : "";
        return $"changes the cost of a task by {Signed(move.CostDeltaUsd)}{relative} and quality by "
            + move.QualityDelta.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
    }

    private static string Role(LeverPoint point)
    {
        var roles = new List<string>();
        if (point.IsCurrent)
        {
            roles.Add("current");
        }

        if (point.IsKnee)
        {
            roles.Add("knee");
        }

        if (point.OnFrontier)
        {
            roles.Add("frontier");
        }

        return string.Join(", ", roles);
    }

    private static string Signed(double usd) => (usd >= 0 ? "+" : "-") + ReportText.Usd(Math.Abs(usd));

    private static string Fraction(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
