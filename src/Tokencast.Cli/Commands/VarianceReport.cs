using System.Globalization;
using Spectre.Console;
using Tokencast.Core.Variance;

namespace Tokencast.Cli.Commands;

/// <summary>
/// Prints the review of a closed period: actual against the previous version's forecast, explained by the
/// five Shapley parts, the weeks checked against the band, and the alerts.
/// </summary>
internal static class VarianceReport
{
    /// <summary>Prints <paramref name="review"/> and writes each alert to <paramref name="error"/> as <c>alert: ...</c>.</summary>
    public static void Write(IAnsiConsole console, TextWriter error, PeriodReview review)
    {
        var title = $"actual against version {review.ComparedVersion}, {Date(review.From)} to {Date(review.Until.AddDays(-1))}, "
            + $"branch {review.Branch}";
        if (review.UnpricedTasks > 0)
        {
            console.WriteLine($"variance: {review.UnpricedTasks:N0} tasks left out because the catalog has no price "
                + $"for their model ({string.Join(", ", review.UnpricedModels)})");
        }

        if (review.Explanation is { } explanation)
        {
            WriteExplanation(console, title, explanation);
        }
        else
        {
            console.WriteLine($"{title}: {review.NotExplained}");
        }

        if (review.BilledUsd is { } billed)
        {
            console.WriteLine($"estimated (tokens x catalog) {Usd(review.EstimatedUsd)}, billed (FOCUS) {Usd(billed)}, "
                + $"billed - estimated {SignedUsd(billed - review.EstimatedUsd)}");
        }

        if (review.BilledRowsLeftOut > 0)
        {
            console.WriteLine($"billed: {review.BilledRowsLeftOut:N0} FOCUS rows that touch the period are left out, because they "
                + "are not in USD or their charge period starts before the period");
        }

        if (review.Weeks.Count > 0)
        {
            WriteWeeks(console, review);
        }
        else
        {
            console.WriteLine($"weekly check: the period {Date(review.From)} to {Date(review.Until.AddDays(-1))} contains no whole ISO "
                + "week (Monday to Sunday), so no week was checked against the band and no alert could be raised");
        }

        foreach (var alert in review.Alerts)
        {
            console.WriteLine("ALERT " + alert.Message);
            error.WriteLine("alert: " + alert.Message);
        }
    }

    private static void WriteExplanation(IAnsiConsole console, string title, VarianceExplanation explanation)
    {
        var table = new Table()
            .Title($"{title} (USD; Shapley value over the five factors, the parts add up to actual - forecast)")
            .AddColumn("feature");
        foreach (var heading in new[] { "forecast", "actual", "difference", "volume", "mix", "tokens/task", "unit price", "cache hit" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var (feature, parts) in explanation.Features)
        {
            table.AddRow([Markup.Escape(feature), .. Cells(parts)]);
        }

        table.AddRow(["total", .. Cells(explanation.Total)]);
        console.Write(table);
    }

    private static void WriteWeeks(IAnsiConsole console, PeriodReview review)
    {
        var table = new Table().Title($"weekly estimated spend against the P{review.Low}..P{review.High} band of version {review.ComparedVersion}")
            .AddColumn("week").AddColumn(new TableColumn("actual").RightAligned())
            .AddColumn(new TableColumn($"P{review.Low}").RightAligned()).AddColumn(new TableColumn($"P{review.High}").RightAligned())
            .AddColumn("status");
        foreach (var week in review.Weeks)
        {
            table.AddRow(PeriodReviewer.IsoWeek(week.WeekStart), Usd(week.ActualUsd), Usd((decimal)week.LowUsd), Usd((decimal)week.HighUsd),
                week.Status);
        }

        console.Write(table);
    }

    private static string[] Cells(VarianceParts parts) =>
    [
        Usd(parts.ForecastUsd), Usd(parts.ActualUsd), SignedUsd(parts.DifferenceUsd), SignedUsd(parts.VolumeUsd),
        SignedUsd(parts.MixUsd), SignedUsd(parts.TokensPerTaskUsd), SignedUsd(parts.UnitPriceUsd), SignedUsd(parts.CacheHitRateUsd),
    ];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Usd(decimal value) => "$" + value.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string SignedUsd(decimal value) => value.ToString("+$#,0.00;-$#,0.00;$0.00", CultureInfo.InvariantCulture);
}
