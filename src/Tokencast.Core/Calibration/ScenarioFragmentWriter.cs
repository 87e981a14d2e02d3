using System.Globalization;

namespace Tokencast.Core.Calibration;

/// <summary>
/// Writes a calibration as a <c>features:</c> list in the scenario file shape, with the fit quality
/// of every candidate as YAML comments.
/// </summary>
public static class ScenarioFragmentWriter
{
    /// <summary>Writes the fragment.</summary>
    /// <param name="report">The calibration to write.</param>
    /// <param name="writer">Destination of the YAML text.</param>
    /// <param name="empiricalFileOf">
    /// Maps a feature id to the CSV file, relative to the fragment, that an <c>empirical</c> choice refers
    /// to. The file is expected in the layout of <see cref="EmpiricalSampleWriter"/>.
    /// </param>
    public static void Write(CalibrationReport report, TextWriter writer, Func<string, string> empiricalFileOf)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(empiricalFileOf);

        writer.Write("# Calibrated from observed requests by tokencast calibrate.\n");
        writer.Write("# Token fits describe the positive values. KS is max |F_emp - F_fit|. Quantiles are\n");
        writer.Write("# written observed/fitted, the observed ones by definition R7 (Hyndman and Fan).\n");
        writer.Write("features:\n");
        foreach (var feature in report.Features)
        {
            WriteFeature(feature, writer, empiricalFileOf(feature.Feature));
        }
    }

    private static void WriteFeature(FeatureCalibration feature, TextWriter writer, string empiricalFile)
    {
        writer.Write($"  - id: {Quote(feature.Feature)}\n");
        writer.Write($"    # {Invariant($"{feature.RequestCount} requests")}{ArrivalText(feature)}\n");
        foreach (var note in feature.Notes)
        {
            writer.Write($"    # {note}\n");
        }

        WriteTokens("input_tokens", feature.InputTokens, writer, empiricalFile);
        WriteTokens("output_tokens", feature.OutputTokens, writer, empiricalFile);
        if (feature.ReasoningTokens is not null)
        {
            WriteTokens("reasoning_tokens", feature.ReasoningTokens, writer, empiricalFile);
        }

        if (feature.Turns is not null)
        {
            WriteTurns(feature.Turns, writer);
        }

        if (feature.Cache.Count > 0)
        {
            WriteCache(feature.Cache, writer);
        }
    }

    private static string ArrivalText(FeatureCalibration feature)
    {
        if (feature.FirstArrival is null || feature.LastArrival is null)
        {
            return "";
        }

        var span = Invariant($" from {feature.FirstArrival:O} to {feature.LastArrival:O}");
        return feature.RequestsPerHour is { } rate ? span + Invariant($", {rate:0.#} requests per hour") : span;
    }

    private static void WriteTokens(string key, TokenFitReport fits, TextWriter writer, string empiricalFile)
    {
        writer.Write(Invariant($"    # {key}: n {fits.Count}, zero share {fits.ZeroShare:0.####}; "));
        writer.Write($"{fits.ChoiceReason}\n");
        foreach (var candidate in fits.Candidates)
        {
            writer.Write($"    #   {CandidateText(candidate)}\n");
        }

        foreach (var skipped in fits.SkippedCandidates)
        {
            writer.Write($"    #   not fitted: {skipped}\n");
        }

        writer.Write($"    {key}: {ChosenValue(fits, empiricalFile)}\n");
    }

    private static string CandidateText(FitCandidate candidate)
    {
        var quality = candidate.Quality;
        var quantiles = string.Join(
            " ",
            quality.Quantiles.Select(q => $"{DistributionParameters.TailQuantileKey(q.Probability)} "
                + $"{Number(q.Observed, "0.#")}/{Number(q.Fitted, "0.#")}"));
        return $"{candidate.Distribution.Name,-16} KS {Number(quality.KolmogorovSmirnovDistance, "0.0000")} "
            + $"{quantiles} mean {Number(quality.ObservedMean, "0.#")}/{Number(quality.FittedMean, "0.#")}";
    }

    // Also used by recalibration, which writes the chosen distribution as a set value.
    internal static string ChosenValue(TokenFitReport fits, string empiricalFile)
    {
        var chosen = fits.Chosen?.Distribution;
        switch (chosen)
        {
            case null:
                return "{fixed: 0}";
            case EmpiricalDistribution:
                var column = EmpiricalSampleWriter.ColumnOf(fits.Kind);
                return $"{{empirical: {{file: {Quote(empiricalFile)}, column: {column}}}}}";
            default:
                var parameters = DistributionParameters.Of(chosen)
                    .Select(p => $"{p.Key}: {Number(p.Value, ParameterFormat(p.Key))}");
                return $"{{{chosen.Name}: {{{string.Join(", ", parameters)}}}}}";
        }
    }

    private static void WriteTurns(ConversationTurnsFit turns, TextWriter writer)
    {
        writer.Write(Invariant($"    # turns: {turns.ConversationCount} conversations, "));
        writer.Write(Invariant($"mean {turns.MeanTurns:0.###}, "));
        writer.Write(Invariant($"variance {turns.TurnsVariance:0.###}; "));
        writer.Write(Invariant($"geometric AIC {turns.GeometricAic:0.#}"));
        if (turns.NegativeBinomialAic is { } aic)
        {
            writer.Write(Invariant($", negative binomial AIC {aic:0.#}"));
        }

        writer.Write("\n    conversation:\n");
        if (turns.Chosen == "negative_binomial")
        {
            // NOTE: the dispersion r is fitted to turns - 1 (support 0, 1, ...), but the scenario sampler draws
            // a negative binomial with this mean M on 0, 1, ... and raises 0 to 1. Its mean is therefore above M
            // by P(0) and its variance M + M^2/r is above the observed (M - 1) + (M - 1)^2/r.
            writer.Write("      # dispersion fitted to turns - 1 (support 0, 1, ...), mean is of turns\n");
            writer.Write(Invariant($"      turns: {{negative_binomial: {{mean: {turns.MeanTurns:0.###}, "));
            writer.Write(Invariant($"dispersion: {turns.NegativeBinomialDispersion:0.####}, min: 1}}}}\n"));
        }
        else
        {
            writer.Write(Invariant($"      turns: {{geometric: {{mean: {turns.MeanTurns:0.###}}}}}\n"));
        }

        writer.Write("      resend_history: true\n");
    }

    private static void WriteCache(IReadOnlyList<PrefixCacheResult> results, TextWriter writer)
    {
        var written = results.FirstOrDefault(r => r.TimeToLive == TimeSpan.FromMinutes(5))
            ?? results.FirstOrDefault(r => r.TimeToLive == TimeSpan.FromHours(1))
            ?? results[0];
        writer.Write("    # prefix cache, token-weighted hit fraction (share of requests with a hit):");
        foreach (var result in results)
        {
            writer.Write(Invariant($" {LifetimeText(result.TimeToLive)} {result.TokenHitFraction:0.####}"));
            writer.Write(Invariant($" ({result.RequestHitShare:0.####})"));
        }

        writer.Write("\n    cache:\n");
        // With prompt_share the scenario reads hit_rate as the share of prompt tokens read from the
        // cache, which is the token-weighted fraction the replay measures.
        writer.Write("      prefix: prompt_share\n");
        writer.Write(Invariant($"      hit_rate: {written.TokenHitFraction:0.####}"));
        if (written.TimeToLive is null)
        {
            writer.Write("  # unbounded cache: an upper bound, no lifetime could be simulated\n");
            return;
        }

        writer.Write($"  # token-weighted, cache lifetime {LifetimeText(written.TimeToLive)}\n");
        writer.Write($"      write_ttl: {LifetimeText(written.TimeToLive)}\n");
    }

    private static string LifetimeText(TimeSpan? timeToLive) => timeToLive switch
    {
        null => "unbounded",
        { TotalHours: >= 1 } t when t.TotalHours == Math.Floor(t.TotalHours) => Invariant($"{t.TotalHours:0}h"),
        { } t when t.TotalMinutes == Math.Floor(t.TotalMinutes) => Invariant($"{t.TotalMinutes:0}m"),
        { } t => Invariant($"{t.TotalSeconds:0.###}s"),
    };

    private static string ParameterFormat(string key) => key switch
    {
        "mu" or "sigma" => "0.####",
        "alpha" or "tail_from" => "0.###",
        _ => "0.#",
    };

    private static string Number(double value, string format) =>
        double.IsPositiveInfinity(value) ? ".inf" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    // Feature ids and paths are quoted only when plain YAML would misread them.
    private static string Quote(string text)
    {
        if (text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
        {
            return text;
        }

        var escaped = text
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal);
        return $"\"{escaped}\"";
    }
}
