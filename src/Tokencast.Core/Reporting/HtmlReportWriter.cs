using System.Globalization;
using System.Net;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Levers;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes a forecast as one self-contained HTML page: inline CSS, inline SVG fan charts, no scripts and
/// no external resources, so it opens offline and can be mailed as a single file.
/// </summary>
/// <remarks>
/// Every name and text that comes from the scenario or the context is HTML-escaped. The page holds no
/// clock reading of its own: the generation time comes from <see cref="ReportContext.GeneratedAt"/>, so the
/// same result and context give the same bytes.
/// </remarks>
public static class HtmlReportWriter
{
    /// <summary>
    /// Writes the report of <paramref name="result"/> to <paramref name="destination"/>. With
    /// <paramref name="sensitivity"/>, the section of each branch named there gets a "What widens the band" part;
    /// with <paramref name="levers"/>, the report ends with a quality-cost section per feature.
    /// </summary>
    public static void Write(
        ForecastResult result,
        TextWriter destination,
        ReportContext context,
        IReadOnlyList<BranchSensitivity>? sensitivity = null,
        LeverReport? levers = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(context);

        var scenario = WebUtility.HtmlEncode(result.Scenario);
        destination.WriteLine("<!DOCTYPE html>");
        destination.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        destination.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        destination.WriteLine($"<title>Spend forecast: {scenario}</title>");
        destination.WriteLine($"<style>{ReportStyles.Css}</style>");
        destination.WriteLine("</head><body><main>");
        WriteHeader(destination, result, context);

        var sensitivityByBranch = (sensitivity ?? []).ToDictionary(s => s.Branch, StringComparer.Ordinal);
        for (var b = 0; b < result.Branches.Count; b++)
        {
            var branch = result.Branches[b];
            BranchReportSection.Write(
                destination, branch, BranchId(b), result.Trials, sensitivityByBranch.GetValueOrDefault(branch.Name));
        }

        if (levers is not null)
        {
            LeversReportSection.Write(destination, levers);
        }

        destination.WriteLine("</main></body></html>");
    }

    private static void WriteHeader(TextWriter output, ForecastResult result, ReportContext context)
    {
        output.WriteLine("<header>");
        output.WriteLine($"<h1>Spend forecast: {WebUtility.HtmlEncode(result.Scenario)}</h1>");
        output.WriteLine("<dl class=\"facts\">");
        WriteFact(output, "Scenario file", WebUtility.HtmlEncode(context.ScenarioFile));
        var branchNames = string.Join(", ", result.Branches.Select(b => b.Name));
        WriteFact(output, "Branches", WebUtility.HtmlEncode(branchNames));
        WriteFact(output, "Trials per branch", ReportText.Count(result.Trials));
        WriteFact(output, "Seed", result.Seed.ToString(CultureInfo.InvariantCulture));
        WriteFact(output, "Horizon", Horizon(result));
        var generatedAt =
            context.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        WriteFact(output, "Generated", generatedAt);
        WriteFact(output, "Command", $"<code>{WebUtility.HtmlEncode(context.CommandLine)}</code>");
        output.WriteLine("</dl>");

        if (context.Notes.Count > 0)
        {
            output.Write("<ul class=\"notes\">");
            foreach (var note in context.Notes)
            {
                output.Write($"<li>{WebUtility.HtmlEncode(note)}</li>");
            }

            output.WriteLine("</ul>");
        }

        output.WriteLine("</header>");
        WriteNavigation(output, result);
        output.WriteLine(
            "<p class=\"lede\">Each band is the spread of spend over Monte Carlo trials. P50 is the " +
            "median, and eight trials in ten fall between P10 and P90. Percentiles use the R-7 definition " +
            "(linear interpolation). A standard error (SE) measures how far an estimate may move with more " +
            "trials, not how uncertain the future is.</p>");
    }

    private static void WriteFact(TextWriter output, string name, string html) =>
        output.WriteLine($"<dt>{name}</dt><dd>{html}</dd>");

    private static string Horizon(ForecastResult result)
    {
        var first = ReportText.MonthLabel(result.FirstMonth);
        var last = ReportText.MonthLabel(result.FirstMonth.AddMonths(result.Months - 1));
        return result.Months == 1 ? $"{first} (1 month)" : $"{first} – {last} ({result.Months} months)";
    }

    private static void WriteNavigation(TextWriter output, ForecastResult result)
    {
        if (result.Branches.Count < 2)
        {
            return;
        }

        output.Write("<nav>Branches: ");
        for (var b = 0; b < result.Branches.Count; b++)
        {
            output.Write($"<a href=\"#{BranchId(b)}\">{WebUtility.HtmlEncode(result.Branches[b].Name)}</a>");
        }

        output.WriteLine("</nav>");
    }

    /// <summary>
    /// Returns the element id of a branch section, built from its index because names may contain any text.
    /// </summary>
    private static string BranchId(int index) => $"branch-{index + 1}";
}
