using System.Globalization;
using System.Net;
using Tokencast.Core.Forecasting;
using Column = Tokencast.Core.Reporting.HtmlTable.Column;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes the "What widens the band" part of a branch section: a tornado chart and the ranking table of
/// the branch's uncertain trial-level assumptions.
/// </summary>
internal static class SensitivityReportSection
{
    private const string None = "—";

    /// <summary>Writes the part for <paramref name="sensitivity"/>; <paramref name="id"/> is the branch section's id.</summary>
    public static void Write(TextWriter output, BranchSensitivity sensitivity, string id)
    {
        output.WriteLine("<h3>What widens the band</h3>");
        if (sensitivity.Inputs.Count == 0)
        {
            output.WriteLine(
                "<p class=\"empty\">This branch has no uncertain trial-level assumption: its spread comes from " +
                "tasks alone.</p>");
            return;
        }

        output.WriteLine(
            "<p>Each bar shows the median horizon spend over the trials in which one assumption fell in its " +
            "lowest or highest tenth, against the median of all trials. The table ranks assumptions by their " +
            "variance index, the share of the spend's variance explained by that assumption alone.</p>");
        output.WriteLine("<figure>");
        TornadoChartSvg.Write(
            output, id + "-tornado", $"Tornado chart of branch {sensitivity.Branch}", sensitivity, standalone: false);
        var shown = TornadoChartSvg.Rows(sensitivity).Count;
        var caption = shown < sensitivity.Inputs.Count
            ? $"The {shown} assumptions with the largest swing, over {ReportText.Count(sensitivity.Trials)} trials."
            : $"Horizon spend over {ReportText.Count(sensitivity.Trials)} trials.";
        output.WriteLine($"<figcaption>{caption}</figcaption>");
        output.WriteLine("</figure>");

        HtmlTable.Write(
            output,
            "Uncertain assumptions ranked by variance index; P50 in USD of the horizon total when the assumption " +
            "is in its lowest or highest decile",
            [
                Column.Code("Assumption"), Column.Text("Distribution"), Column.Number("Variance index"),
                Column.Number("Spearman"), Column.Number("P50 low decile"), Column.Number("P50 high decile"),
                Column.Number("Swing"),
            ],
            sensitivity.Inputs.Select(input => new[]
            {
                input.Input,
                sensitivity.Distributions.GetValueOrDefault(input.Input, ""),
                Fraction(input.VarianceIndex),
                Fraction(input.SpearmanCorrelation),
                ReportText.Usd(input.LowDecileOutputMedian),
                ReportText.Usd(input.HighDecileOutputMedian),
                ReportText.Usd(input.TornadoSwing),
            }));
        output.WriteLine(
            $"<p>An assumption with no effect still gets an index of about " +
            $"{Fraction(sensitivity.VarianceIndexNullLevel)} from sampling noise. " +
            (sensitivity.ExplainedVarianceShare > 1
                ? "After removing that bias, the assumptions still explain more than all of the variance: the trials are " +
                  "too few to tell their effects apart, so read the ranking as rough and run more trials.</p>"
                : $"After removing that bias, the assumptions explain an estimated " +
                  $"{ReportText.Percent(sensitivity.ExplainedVarianceShare)} of the variance one at a time. The rest " +
                  "comes from task-level noise, such as tokens and calls per task, and from assumptions acting " +
                  "together.</p>"));
    }

    private static string Fraction(double? value) =>
        value is { } number ? number.ToString("0.000", CultureInfo.InvariantCulture) : None;
}
