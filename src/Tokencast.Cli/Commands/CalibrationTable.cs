using System.Globalization;
using Spectre.Console;
using Tokencast.Core.Calibration;

namespace Tokencast.Cli.Commands;

/// <summary>
/// Renders a calibration report as text: per feature a summary, then one table per token column with
/// every candidate's KS distance and observed/fitted quantiles.
/// </summary>
internal static class CalibrationTable
{
    public static void Render(CalibrationReport report, IAnsiConsole console)
    {
        foreach (var feature in report.Features)
        {
            console.Write(new Rule(Markup.Escape(feature.Feature)) { Justification = Justify.Left });
            console.WriteLine(Summary(feature));
            if (feature.Turns is not null)
            {
                console.WriteLine(TurnsText(feature.Turns));
            }

            console.WriteLine(CacheText(feature.Cache));
            foreach (var note in feature.Notes)
            {
                console.WriteLine($"note: {note}");
            }

            RenderTokens("input tokens", feature.InputTokens, console);
            RenderTokens("output tokens", feature.OutputTokens, console);
            if (feature.ReasoningTokens is not null)
            {
                RenderTokens("reasoning tokens", feature.ReasoningTokens, console);
            }

            console.WriteLine();
        }
    }

    private static string Summary(FeatureCalibration feature)
    {
        var rate = feature.RequestsPerHour is { } perHour
            ? Format($", {perHour:0.#} requests per hour")
            : ", request rate unknown (no time span)";
        return Format($"{feature.RequestCount} requests{rate}");
    }

    private static string TurnsText(ConversationTurnsFit turns)
    {
        var negativeBinomial = turns.NegativeBinomialDispersion is { } r
            ? Format($", negative binomial dispersion {r:0.###} AIC {turns.NegativeBinomialAic:0.#}")
            : "";
        return Format($"turns per conversation: {turns.ConversationCount} conversations, ")
            + Format($"mean {turns.MeanTurns:0.###}, variance {turns.TurnsVariance:0.###}; ")
            + Format($"geometric AIC {turns.GeometricAic:0.#}{negativeBinomial}; chosen {turns.Chosen}");
    }

    private static string CacheText(IReadOnlyList<PrefixCacheResult> cache)
    {
        if (cache.Count == 0)
        {
            return "prefix cache: not available (no prefix block hashes)";
        }

        var parts = cache.Select(c =>
            Format($"{(c.TimeToLive is { } t ? $"lifetime {t.TotalMinutes:0.##} min" : "unbounded")} ")
            + Format($"{c.TokenHitFraction:0.####} of tokens, {c.RequestHitShare:0.####} of requests"));
        return "prefix cache hit: " + string.Join("; ", parts);
    }

    private static void RenderTokens(string title, TokenFitReport fits, IAnsiConsole console)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(TokensTitle(title, fits))) };
        table.AddColumn("candidate");
        table.AddColumn(new TableColumn("KS").RightAligned());
        var probabilities = fits.Candidates.Count == 0
            ? []
            : fits.Candidates[0].Quality.Quantiles.Select(q => q.Probability);
        foreach (var probability in probabilities)
        {
            var header = "p" + (probability * 100).ToString("0.##", CultureInfo.InvariantCulture) + " obs/fit";
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.AddColumn(new TableColumn("mean obs/fit").RightAligned());
        foreach (var candidate in fits.Candidates)
        {
            var chosen = ReferenceEquals(candidate, fits.Chosen) ? " (chosen)" : "";
            var quality = candidate.Quality;
            List<string> cells =
            [
                candidate.Distribution.Name + chosen,
                Format($"{quality.KolmogorovSmirnovDistance:0.0000}"),
                .. quality.Quantiles.Select(q => Pair(q.Observed, q.Fitted)),
                Pair(quality.ObservedMean, quality.FittedMean),
            ];
            table.AddRow(cells.Select(c => new Text(c)));
        }

        console.Write(table);
        console.WriteLine($"chosen: {fits.ChoiceReason}");
        foreach (var skipped in fits.SkippedCandidates)
        {
            console.WriteLine($"not fitted: {skipped}");
        }
    }

    private static string TokensTitle(string title, TokenFitReport fits) =>
        Format($"{title}: n {fits.Count}, zero share {fits.ZeroShare:0.####}");

    private static string Pair(double observed, double fitted) =>
        Format($"{observed:0.#} / ") + (double.IsFinite(fitted) ? Format($"{fitted:0.#}") : "inf");

    private static string Format(FormattableString text) => FormattableString.Invariant(text);
}
