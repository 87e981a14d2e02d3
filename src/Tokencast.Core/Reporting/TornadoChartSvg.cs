using System.Globalization;
using System.Net;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Quality;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Draws a tornado chart of one branch's sensitivity as SVG, one row per assumption and the largest swing on
/// top. Each row has a bar from the P50 of all trials to the P50 of the trials where the assumption is in its
/// lowest decile, and another to the P50 where it is in its highest decile.
/// </summary>
/// <remarks>
/// Each assumption's path is written above its bar, so long paths need no truncation. Colours are SVG
/// attributes, not page CSS, so the chart looks the same inline in the report and as a file.
/// </remarks>
internal static class TornadoChartSvg
{
    /// <summary>The most rows drawn; the table beside the chart lists every assumption.</summary>
    public const int MaxRows = 15;

    private const double Width = 880;
    private const double Left = 24;
    private const double Right = 24;
    private const double Top = 44;
    private const double Bottom = 36;
    private const double RowHeight = 40;
    private const double BarHeight = 14;

    private const string LowColour = "#7fb2dc";
    private const string HighColour = "#c2410c";
    private const string MedianColour = "#08306b";
    private const string GridColour = "#e5e7eb";
    private const string TextColour = "#4b5563";
    private const string LabelColour = "#111827";

    /// <summary>
    /// Writes the chart of <paramref name="sensitivity"/> as one <c>svg</c> element. With
    /// <paramref name="standalone"/> the element carries the SVG namespace, as a file of its own needs.
    /// </summary>
    /// <param name="output">Where the SVG text goes.</param>
    /// <param name="id">An id unique in the page, made of letters, digits and hyphens.</param>
    /// <param name="title">The accessible title of the chart, HTML-escaped here.</param>
    /// <param name="sensitivity">The ranking of one branch.</param>
    /// <param name="standalone">Whether the SVG is written as a file rather than inside an HTML page.</param>
    public static void Write(
        TextWriter output, string id, string title, BranchSensitivity sensitivity, bool standalone)
    {
        var rows = Rows(sensitivity);
        var height = Top + Math.Max(1, rows.Count) * RowHeight + Bottom;
        var namespaceAttribute = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "";
        output.Write($"<svg{namespaceAttribute} class=\"tornado-chart\" viewBox=\"0 0 {N(Width)} {N(height)}\" ");
        output.Write("style=\"width: 100%; height: auto; display: block\" role=\"img\" ");
        output.Write($"aria-labelledby=\"{id}-title\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        output.Write($"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        WriteLegend(output);

        if (rows.Count == 0)
        {
            output.Write(
                $"<text x=\"{N(Left)}\" y=\"{N(Top + RowHeight / 2)}\" fill=\"{TextColour}\">" +
                "No uncertain trial-level assumption in this branch.</text></svg>");
            return;
        }

        var median = sensitivity.HorizonMedianUsd;
        var low = rows.Select(r => Math.Min(r.LowDecileOutputMedian, r.HighDecileOutputMedian)).Append(median).Min();
        var high = rows.Select(r => Math.Max(r.LowDecileOutputMedian, r.HighDecileOutputMedian)).Append(median).Max();
        var ticks = AxisTicks.Nice(low, high);
        var scale = new Scale(ticks[0], ticks[^1]);
        var chartBottom = Top + rows.Count * RowHeight;
        WriteAxis(output, ticks, scale, chartBottom);

        for (var i = 0; i < rows.Count; i++)
        {
            WriteRow(output, rows[i], Top + i * RowHeight, median, scale);
        }

        output.Write("</svg>");
    }

    /// <summary>Returns the assumptions to draw: those with a measure, largest absolute swing first.</summary>
    internal static IReadOnlyList<InputSensitivity> Rows(BranchSensitivity sensitivity) =>
        sensitivity.Inputs
            .Where(input => input.VarianceIndex is not null)
            .OrderByDescending(input => Math.Abs(input.TornadoSwing))
            .ThenBy(input => input.Input, StringComparer.Ordinal)
            .Take(MaxRows)
            .ToList();

    private static void WriteAxis(TextWriter output, IReadOnlyList<double> ticks, Scale scale, double chartBottom)
    {
        foreach (var tick in ticks)
        {
            var x = N(scale.X(tick));
            output.Write(
                $"<line x1=\"{x}\" x2=\"{x}\" y1=\"{N(Top)}\" y2=\"{N(chartBottom)}\" stroke=\"{GridColour}\"/>");
            output.Write(
                $"<text x=\"{x}\" y=\"{N(chartBottom + 18)}\" text-anchor=\"middle\" fill=\"{TextColour}\">" +
                $"{ReportText.CompactUsd(tick)}</text>");
        }
    }

    /// <summary>
    /// Writes one assumption: its path, the low-decile and high-decile bars from the median, and a mark at the
    /// median. When both bars lie on the same side of the median the longer one is drawn first, so the shorter
    /// stays visible. The path has a white outline, so grid lines behind it do not cross the letters.
    /// </summary>
    private static void WriteRow(TextWriter output, InputSensitivity input, double top, double median, Scale scale)
    {
        output.Write(
            $"<text x=\"{N(Left)}\" y=\"{N(top + 12)}\" fill=\"{LabelColour}\" stroke=\"#ffffff\" " +
            $"stroke-width=\"3\" paint-order=\"stroke\">{WebUtility.HtmlEncode(input.Input)}</text>");

        var barTop = top + 18;
        var bars = new[]
        {
            (Value: input.LowDecileOutputMedian, Colour: LowColour, Label: "lowest"),
            (Value: input.HighDecileOutputMedian, Colour: HighColour, Label: "highest"),
        };
        foreach (var bar in bars.OrderByDescending(b => Math.Abs(b.Value - median)))
        {
            var start = Math.Min(scale.X(median), scale.X(bar.Value));
            var width = Math.Abs(scale.X(bar.Value) - scale.X(median));
            var tooltip = $"{input.Input} in its {bar.Label} decile: P50 {ReportText.Usd(bar.Value)}";
            output.Write(
                $"<rect x=\"{N(start)}\" y=\"{N(barTop)}\" width=\"{N(width)}\" height=\"{N(BarHeight)}\" " +
                $"fill=\"{bar.Colour}\"><title>{WebUtility.HtmlEncode(tooltip)}</title></rect>");
        }

        var x = N(scale.X(median));
        output.Write(
            $"<line x1=\"{x}\" x2=\"{x}\" y1=\"{N(barTop - 3)}\" y2=\"{N(barTop + BarHeight + 3)}\" " +
            $"stroke=\"{MedianColour}\" stroke-width=\"2\"/>");
    }

    private static void WriteLegend(TextWriter output)
    {
        const double y = 18;
        var x = Left;
        x = LegendItem(output, x, y, LowColour, "Assumption in its lowest decile");
        x = LegendItem(output, x, y, HighColour, "In its highest decile");
        output.Write(
            $"<line x1=\"{N(x + 9)}\" x2=\"{N(x + 9)}\" y1=\"{N(y - 7)}\" y2=\"{N(y + 7)}\" " +
            $"stroke=\"{MedianColour}\" stroke-width=\"2\"/>");
        output.Write(
            $"<text x=\"{N(x + 24)}\" y=\"{N(y)}\" dy=\"0.32em\" fill=\"{TextColour}\">P50 of all trials</text>");
    }

    /// <summary>Writes a colour swatch and its label and returns where the next item starts.</summary>
    private static double LegendItem(TextWriter output, double x, double y, string colour, string label)
    {
        output.Write($"<rect x=\"{N(x)}\" y=\"{N(y - 6)}\" width=\"18\" height=\"12\" fill=\"{colour}\"/>");
        output.Write(
            $"<text x=\"{N(x + 24)}\" y=\"{N(y)}\" dy=\"0.32em\" fill=\"{TextColour}\">" +
            $"{WebUtility.HtmlEncode(label)}</text>");

        // NOTE: label width is estimated at 7 px per character of 12 px system text.
        return x + 24 + label.Length * 7 + 20;
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Maps USD values to x coordinates.</summary>
    private sealed class Scale(double low, double high)
    {
        public double X(double value) => Left + (value - low) / (high - low) * (Width - Left - Right);
    }
}
