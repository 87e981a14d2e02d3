using System.Globalization;
using System.Net;
using System.Text;
using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Draws a fan chart of monthly bands as inline SVG: the P5–P95 band, the P10–P90 band, the P50 line,
/// the mean as a dashed line with dots, and an optional budget drawn as a step per month.
/// </summary>
/// <remarks>
/// Colours and line styles are SVG attributes, not page CSS, so a chart copied out of the page keeps
/// them. The SVG has no <c>xmlns</c> attribute because HTML5 parsers place inline SVG in the SVG
/// namespace themselves.
/// </remarks>
internal static class FanChartSvg
{
    private const double Width = 880;
    private const double Height = 330;
    private const double Left = 76;
    private const double Right = 20;
    private const double Top = 44;
    private const double Bottom = 40;
    private const int MaxMonthLabels = 12;

    private const string OuterBandColour = "#c6dbef";
    private const string InnerBandColour = "#7fb2dc";
    private const string MedianColour = "#08306b";
    private const string MeanColour = "#1f2937";
    private const string BudgetColour = "#c2410c";
    private const string GridColour = "#e5e7eb";
    private const string TextColour = "#4b5563";

    /// <summary>
    /// Writes one chart as an <c>svg</c> element to <paramref name="output"/>.
    /// </summary>
    /// <param name="output">Where the SVG text goes.</param>
    /// <param name="id">An id unique in the page, made of letters, digits and hyphens.</param>
    /// <param name="title">The accessible title of the chart, HTML-escaped here.</param>
    /// <param name="months">The bands, one per month, at least one.</param>
    /// <param name="budgetUsd">The budget of each month, or null where none is set, or an empty list.</param>
    /// <param name="budgetLabel">The legend text of the budget line.</param>
    public static void Write(
        TextWriter output,
        string id,
        string title,
        IReadOnlyList<MonthBand> months,
        IReadOnlyList<double?> budgetUsd,
        string budgetLabel)
    {
        if (months.Count == 0)
        {
            throw new ArgumentException("A fan chart needs at least one month.", nameof(months));
        }

        var hasBudget = budgetUsd.Any(b => b is not null);
        var ticks = YTicks(months, budgetUsd);
        var scale = new Scale(months.Count, ticks[0], ticks[^1]);

        output.Write($"<svg class=\"fan-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" ");
        output.Write($"aria-labelledby=\"{id}-title\" font-family=\"inherit\" font-size=\"12\">");
        output.Write($"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        WriteGrid(output, ticks, scale);
        WriteMonthLabels(output, months, scale);

        output.Write(BandPath(months, scale, b => b.P5, b => b.P95, OuterBandColour));
        output.Write(BandPath(months, scale, b => b.P10, b => b.P90, InnerBandColour));
        output.Write(Line(months, scale, b => b.P50, MedianColour, 2.5, dashes: null));
        output.Write(Line(months, scale, b => b.Mean, MeanColour, 1.5, dashes: "5 4"));
        for (var m = 0; m < months.Count; m++)
        {
            output.Write(
                $"<circle cx=\"{N(scale.X(m))}\" cy=\"{N(scale.Y(months[m].Band.Mean))}\" r=\"2.5\" " +
                $"fill=\"{MeanColour}\"/>");
        }

        if (hasBudget)
        {
            output.Write(BudgetPath(budgetUsd, scale));
        }

        WriteLegend(output, hasBudget ? budgetLabel : null);
        output.Write("</svg>");
    }

    /// <summary>
    /// Returns axis ticks from zero (or the lowest P5 when negative) to the highest P95 or budget.
    /// </summary>
    private static IReadOnlyList<double> YTicks(
        IReadOnlyList<MonthBand> months, IReadOnlyList<double?> budgetUsd)
    {
        var low = Math.Min(0, months.Min(m => m.Band.P5));
        var high = months.Max(m => m.Band.P95);
        foreach (var budget in budgetUsd)
        {
            if (budget is { } value)
            {
                high = Math.Max(high, value);
            }
        }

        return AxisTicks.Nice(low, high);
    }

    private static void WriteGrid(TextWriter output, IReadOnlyList<double> ticks, Scale scale)
    {
        foreach (var tick in ticks)
        {
            var y = N(scale.Y(tick));
            output.Write(
                $"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{y}\" y2=\"{y}\" " +
                $"stroke=\"{GridColour}\"/>");
            output.Write(
                $"<text x=\"{N(Left - 8)}\" y=\"{y}\" dy=\"0.32em\" text-anchor=\"end\" " +
                $"fill=\"{TextColour}\">{ReportText.CompactUsd(tick)}</text>");
        }
    }

    /// <summary>Labels every month, or every k-th month so that at most twelve labels fit.</summary>
    private static void WriteMonthLabels(TextWriter output, IReadOnlyList<MonthBand> months, Scale scale)
    {
        var every = (months.Count + MaxMonthLabels - 1) / MaxMonthLabels;
        for (var m = 0; m < months.Count; m += every)
        {
            output.Write(
                $"<text x=\"{N(scale.X(m))}\" y=\"{N(Height - Bottom + 20)}\" text-anchor=\"middle\" " +
                $"fill=\"{TextColour}\">{ReportText.MonthLabel(months[m].Month)}</text>");
        }
    }

    /// <summary>
    /// Returns a closed path along the upper percentile left to right and back along the lower one.
    /// </summary>
    private static string BandPath(
        IReadOnlyList<MonthBand> months,
        Scale scale,
        Func<Band, double> lower,
        Func<Band, double> upper,
        string fill)
    {
        var points = Points(months, scale, upper);
        var back = Points(months, scale, lower);
        back.Reverse();
        points.AddRange(back);
        return $"<path d=\"M{string.Join(" L", points)} Z\" fill=\"{fill}\"/>";
    }

    private static string Line(
        IReadOnlyList<MonthBand> months,
        Scale scale,
        Func<Band, double> value,
        string colour,
        double width,
        string? dashes)
    {
        var dashAttribute = dashes is null ? "" : $" stroke-dasharray=\"{dashes}\"";
        return $"<polyline points=\"{string.Join(' ', Points(months, scale, value))}\" fill=\"none\" " +
            $"stroke=\"{colour}\" stroke-width=\"{N(width)}\" stroke-linejoin=\"round\"{dashAttribute}/>";
    }

    /// <summary>
    /// Returns one point per month at the middle of its slot. A single month gets two points, a quarter slot
    /// either side of the middle, so its band and lines stay visible.
    /// </summary>
    private static List<string> Points(IReadOnlyList<MonthBand> months, Scale scale, Func<Band, double> value)
    {
        var points = new List<string>();
        for (var m = 0; m < months.Count; m++)
        {
            var y = N(scale.Y(value(months[m].Band)));
            if (months.Count == 1)
            {
                points.Add($"{N(scale.X(m) - scale.Slot / 4)},{y}");
                points.Add($"{N(scale.X(m) + scale.Slot / 4)},{y}");
            }
            else
            {
                points.Add($"{N(scale.X(m))},{y}");
            }
        }

        return points;
    }

    /// <summary>Returns the budget as a horizontal step across each month slot that has a budget.</summary>
    private static string BudgetPath(IReadOnlyList<double?> budgetUsd, Scale scale)
    {
        var path = new StringBuilder();
        var drawing = false;
        for (var m = 0; m < budgetUsd.Count; m++)
        {
            if (budgetUsd[m] is not { } budget)
            {
                drawing = false;
                continue;
            }

            var y = N(scale.Y(budget));
            path.Append(drawing ? $" V{y}" : $" M{N(scale.SlotStart(m))},{y}");
            path.Append($" H{N(scale.SlotStart(m) + scale.Slot)}");
            drawing = true;
        }

        return $"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{BudgetColour}\" " +
            "stroke-width=\"2\"/>";
    }

    private static void WriteLegend(TextWriter output, string? budgetLabel)
    {
        const double y = 18;
        var x = Left;
        x = LegendSwatch(output, x, y, $"<rect x=\"{N(x)}\" y=\"{N(y - 6)}\" width=\"18\" height=\"12\" " +
            $"fill=\"{OuterBandColour}\"/>", "P5–P95");
        x = LegendSwatch(output, x, y, $"<rect x=\"{N(x)}\" y=\"{N(y - 6)}\" width=\"18\" height=\"12\" " +
            $"fill=\"{InnerBandColour}\"/>", "P10–P90");
        x = LegendSwatch(output, x, y, LegendLine(x, y, MedianColour, 2.5, null), "P50 (median)");
        x = LegendSwatch(output, x, y, LegendLine(x, y, MeanColour, 1.5, "5 4"), "Mean");
        if (budgetLabel is not null)
        {
            LegendSwatch(output, x, y, LegendLine(x, y, BudgetColour, 2, null), budgetLabel);
        }
    }

    private static string LegendLine(double x, double y, string colour, double width, string? dashes)
    {
        var dashAttribute = dashes is null ? "" : $" stroke-dasharray=\"{dashes}\"";
        return $"<line x1=\"{N(x)}\" x2=\"{N(x + 18)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke=\"{colour}\" " +
            $"stroke-width=\"{N(width)}\"{dashAttribute}/>";
    }

    /// <summary>Writes a swatch and its label and returns where the next item starts.</summary>
    private static double LegendSwatch(TextWriter output, double x, double y, string swatch, string label)
    {
        output.Write(swatch);
        output.Write(
            $"<text x=\"{N(x + 24)}\" y=\"{N(y)}\" dy=\"0.32em\" fill=\"{TextColour}\">" +
            $"{WebUtility.HtmlEncode(label)}</text>");

        // NOTE: label width is estimated at 7 px per character of 12 px system text. A much wider font
        // would make legend items overlap.
        return x + 24 + label.Length * 7 + 20;
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Maps month indexes and USD values to SVG coordinates.</summary>
    private sealed class Scale(int months, double low, double high)
    {
        public double Slot { get; } = (Width - Left - Right) / months;

        public double SlotStart(int month) => Left + month * Slot;

        public double X(int month) => SlotStart(month) + Slot / 2;

        public double Y(double value) =>
            Height - Bottom - (value - low) / (high - low) * (Height - Top - Bottom);
    }
}
