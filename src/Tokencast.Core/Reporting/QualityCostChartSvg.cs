using System.Globalization;
using System.Net;
using Tokencast.Core.Levers;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Draws the quality-cost chart of one feature as a standalone SVG file, with mean cost per task on the x
/// axis and quality on the y axis. The Pareto frontier is a line, the knee is ringed, the current point is
/// a diamond and the other rated points are grey dots. Cascade thresholds off the frontier have no label.
/// Points without quality are listed under the chart, because they have no place on the quality axis.
/// </summary>
public static class QualityCostChartSvg
{
    private const double Width = 760;
    private const double Height = 420;
    private const double Left = 70;
    private const double Right = 170;
    private const double Top = 40;
    private const double Bottom = 70;

    private const string FrontierColour = "#08306b";
    private const string CurrentColour = "#c2410c";
    private const string OtherColour = "#9ca3af";
    private const string GridColour = "#e5e7eb";
    private const string TextColour = "#4b5563";

    /// <summary>Writes the chart of <paramref name="feature"/> as an SVG document to <paramref name="output"/>.</summary>
    public static void Write(FeatureLevers feature, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(output);
        var rated = feature.Points.Where(point => point.Quality is not null).ToList();
        var costs = rated.Count > 0 ? rated.Select(point => point.Cost.MeanUsd).ToList() : [0.0];
        var qualities = rated.Count > 0 ? rated.Select(point => point.Quality!.Value).ToList() : [0.0];
        var xTicks = AxisTicks.Nice(Math.Min(0, costs.Min()), costs.Max());
        var yTicks = AxisTicks.Nice(Math.Max(0, qualities.Min() - 0.05), Math.Min(1, qualities.Max() + 0.05));
        var scale = new Scale(xTicks[0], xTicks[^1], yTicks[0], yTicks[^1]);

        output.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" ");
        output.Write("font-family=\"sans-serif\" font-size=\"12\">");
        output.Write($"<title>{Escape(feature.Feature)}: quality against mean cost per task</title>");
        output.Write($"<text x=\"{Left}\" y=\"22\" font-size=\"14\" fill=\"#111827\">");
        output.Write($"{Escape(feature.Feature)}: quality against mean cost per task</text>");
        WriteAxes(output, xTicks, yTicks, scale);

        var frontier = feature.Frontier
            .Select(point => $"{N(scale.X(point.CostUsd))},{N(scale.Y(point.QualityValue))}");
        output.Write($"<polyline points=\"{string.Join(' ', frontier)}\" fill=\"none\" ");
        output.Write($"stroke=\"{FrontierColour}\" stroke-width=\"2\"/>");
        foreach (var point in rated)
        {
            WritePoint(output, point, scale);
        }

        WriteLegend(output);
        var unrated = feature.Points.Where(point => point.Quality is null).Select(point => point.Label).ToList();
        if (unrated.Count > 0)
        {
            output.Write($"<text x=\"{Left}\" y=\"{N(Height - 12)}\" fill=\"{TextColour}\">");
            output.Write($"not drawn, no eval data: {Escape(string.Join(", ", unrated))}</text>");
        }

        output.Write("</svg>");
    }

    private static void WriteAxes(TextWriter output, IReadOnlyList<double> xTicks, IReadOnlyList<double> yTicks,
        Scale scale)
    {
        foreach (var tick in yTicks)
        {
            var y = N(scale.Y(tick));
            output.Write($"<line x1=\"{Left}\" x2=\"{N(Width - Right)}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{GridColour}\"/>");
            output.Write($"<text x=\"{N(Left - 8)}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\" fill=\"{TextColour}\">");
            output.Write($"{tick.ToString("0.###", CultureInfo.InvariantCulture)}</text>");
        }

        foreach (var tick in xTicks)
        {
            var x = N(scale.X(tick));
            output.Write($"<line x1=\"{x}\" x2=\"{x}\" y1=\"{Top}\" y2=\"{N(Height - Bottom)}\" stroke=\"{GridColour}\"/>");
            output.Write($"<text x=\"{x}\" y=\"{N(Height - Bottom + 16)}\" text-anchor=\"middle\" ");
            output.Write($"fill=\"{TextColour}\">{Usd(tick)}</text>");
        }

        output.Write($"<text x=\"{N((Left + Width - Right) / 2)}\" y=\"{N(Height - Bottom + 34)}\" ");
        output.Write($"text-anchor=\"middle\" fill=\"{TextColour}\">mean cost per task (USD)</text>");
        output.Write($"<text transform=\"translate(16 {N((Top + Height - Bottom) / 2)}) rotate(-90)\" ");
        output.Write($"text-anchor=\"middle\" fill=\"{TextColour}\">quality</text>");
    }

    private static void WritePoint(TextWriter output, LeverPoint point, Scale scale)
    {
        var x = scale.X(point.Cost.MeanUsd);
        var y = scale.Y(point.Quality!.Value);
        if (point.IsCurrent)
        {
            output.Write($"<path d=\"M{N(x)},{N(y - 7)} L{N(x + 7)},{N(y)} L{N(x)},{N(y + 7)} L{N(x - 7)},{N(y)} Z\" ");
            output.Write($"fill=\"{CurrentColour}\"/>");
        }
        else
        {
            var colour = point.OnFrontier ? FrontierColour : OtherColour;
            output.Write($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"4\" fill=\"{colour}\"/>");
        }

        if (point.IsKnee)
        {
            output.Write($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"10\" fill=\"none\" ");
            output.Write($"stroke=\"{FrontierColour}\" stroke-width=\"2\"/>");
        }

        // Cascade thresholds off the frontier crowd each other, so only the points a reader compares get a
        // label. The table beside the chart lists every point.
        if (point.IsCurrent || point.IsKnee || point.OnFrontier || point.Kind != LeverKind.CascadeThreshold)
        {
            output.Write($"<text x=\"{N(x + 12)}\" y=\"{N(y)}\" dy=\"4\" fill=\"#111827\">{Escape(point.Label)}</text>");
        }
    }

    private static void WriteLegend(TextWriter output)
    {
        var x = Width - Right + 20;
        output.Write($"<circle cx=\"{N(x)}\" cy=\"{Top + 6}\" r=\"4\" fill=\"{FrontierColour}\"/>");
        output.Write($"<text x=\"{N(x + 10)}\" y=\"{Top + 10}\" fill=\"{TextColour}\">on the frontier</text>");
        output.Write($"<circle cx=\"{N(x)}\" cy=\"{Top + 26}\" r=\"10\" fill=\"none\" stroke=\"{FrontierColour}\"/>");
        output.Write($"<text x=\"{N(x + 14)}\" y=\"{Top + 30}\" fill=\"{TextColour}\">knee</text>");
        output.Write($"<path d=\"M{N(x)},{Top + 39} L{N(x + 7)},{Top + 46} L{N(x)},{Top + 53} L{N(x - 7)},{Top + 46} Z\" ");
        output.Write($"fill=\"{CurrentColour}\"/>");
        output.Write($"<text x=\"{N(x + 10)}\" y=\"{Top + 50}\" fill=\"{TextColour}\">current</text>");
        output.Write($"<circle cx=\"{N(x)}\" cy=\"{Top + 66}\" r=\"4\" fill=\"{OtherColour}\"/>");
        output.Write($"<text x=\"{N(x + 10)}\" y=\"{Top + 70}\" fill=\"{TextColour}\">other points</text>");
    }

    private static string Usd(double value) =>
        "$" + value.ToString(value != 0 && Math.Abs(value) < 0.01 ? "0.#####" : "0.###", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Maps USD and quality values to SVG coordinates.</summary>
    private sealed class Scale(double costLow, double costHigh, double qualityLow, double qualityHigh)
    {
        public double X(double cost) =>
            Left + (cost - costLow) / (costHigh - costLow) * (Width - Left - Right);

        public double Y(double quality) =>
            Height - Bottom - (quality - qualityLow) / (qualityHigh - qualityLow) * (Height - Top - Bottom);
    }
}
