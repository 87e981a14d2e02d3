using System.Text.Json;

namespace Tokencast.Core.Calibration;

/// <summary>
/// Writes a calibration report as JSON with snake_case keys. Infinite values, such as the mean of a
/// Pareto tail with α ≤ 1, are written as null.
/// </summary>
public static class CalibrationJsonWriter
{
    /// <summary>Writes the report as one indented JSON object.</summary>
    public static void Write(CalibrationReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });

        json.WriteStartObject();
        WriteOptions(report.Options, json);
        json.WriteStartArray("features");
        foreach (var feature in report.Features)
        {
            WriteFeature(feature, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptions(CalibrationOptions options, Utf8JsonWriter json)
    {
        json.WriteStartObject("options");
        json.WriteNumber("tail_from", options.TailFrom);
        json.WriteNumber("minimum_tail_count", options.MinimumTailCount);
        json.WriteNumber("max_ks_distance", options.MaxKolmogorovSmirnovDistance);
        json.WriteNumber("max_p99_relative_error", options.MaxTailQuantileError);
        json.WriteNumber("max_ignored_zero_share", options.MaxIgnoredZeroShare);
        json.WriteNumber("prefix_block_tokens", options.PrefixBlockTokens);
        json.WriteString("quantile_definition", "R7");
        json.WriteEndObject();
    }

    private static void WriteFeature(FeatureCalibration feature, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("feature", feature.Feature);
        json.WriteNumber("request_count", feature.RequestCount);
        WriteNullable("first_arrival", feature.FirstArrival, json);
        WriteNullable("last_arrival", feature.LastArrival, json);
        WriteNumber("requests_per_hour", feature.RequestsPerHour, json);
        WriteTokens("input_tokens", feature.InputTokens, json);
        WriteTokens("output_tokens", feature.OutputTokens, json);
        WriteTokens("reasoning_tokens", feature.ReasoningTokens, json);
        WriteTurns(feature.Turns, json);

        json.WriteStartArray("cache");
        foreach (var result in feature.Cache)
        {
            json.WriteStartObject();
            WriteNumber("time_to_live_seconds", result.TimeToLive?.TotalSeconds, json);
            json.WriteNumber("request_count", result.RequestCount);
            json.WriteNumber("requests_with_hit", result.RequestsWithHit);
            json.WriteNumber("input_tokens", result.InputTokens);
            json.WriteNumber("reused_tokens", result.ReusedTokens);
            json.WriteNumber("token_hit_fraction", result.TokenHitFraction);
            json.WriteNumber("request_hit_share", result.RequestHitShare);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings("notes", feature.Notes, json);
        json.WriteEndObject();
    }

    private static void WriteTokens(string name, TokenFitReport? fits, Utf8JsonWriter json)
    {
        if (fits is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("count", fits.Count);
        json.WriteNumber("zero_count", fits.ZeroCount);
        json.WriteNumber("zero_share", fits.ZeroShare);
        if (fits.Chosen is null)
        {
            json.WriteNull("chosen");
        }
        else
        {
            json.WriteString("chosen", fits.Chosen.Distribution.Name);
        }

        json.WriteString("choice_reason", fits.ChoiceReason);
        WriteStrings("not_fitted", fits.SkippedCandidates, json);
        json.WriteStartArray("candidates");
        foreach (var candidate in fits.Candidates)
        {
            WriteCandidate(candidate, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCandidate(FitCandidate candidate, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("distribution", candidate.Distribution.Name);
        json.WriteStartObject("parameters");
        foreach (var parameter in DistributionParameters.Of(candidate.Distribution))
        {
            json.WriteNumber(parameter.Key, parameter.Value);
        }

        json.WriteEndObject();
        json.WriteNumber("ks_distance", candidate.Quality.KolmogorovSmirnovDistance);
        json.WriteNumber("score", candidate.Score);
        json.WriteNumber("observed_mean", candidate.Quality.ObservedMean);
        WriteNumber("fitted_mean", candidate.Quality.FittedMean, json);
        json.WriteStartArray("quantiles");
        foreach (var quantile in candidate.Quality.Quantiles)
        {
            json.WriteStartObject();
            json.WriteNumber("probability", quantile.Probability);
            json.WriteNumber("observed", quantile.Observed);
            WriteNumber("fitted", quantile.Fitted, json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTurns(ConversationTurnsFit? turns, Utf8JsonWriter json)
    {
        if (turns is null)
        {
            json.WriteNull("turns");
            return;
        }

        json.WriteStartObject("turns");
        json.WriteNumber("conversation_count", turns.ConversationCount);
        json.WriteNumber("mean", turns.MeanTurns);
        json.WriteNumber("variance", turns.TurnsVariance);
        json.WriteNumber("geometric_aic", turns.GeometricAic);
        WriteNumber("negative_binomial_dispersion", turns.NegativeBinomialDispersion, json);
        WriteNumber("negative_binomial_aic", turns.NegativeBinomialAic, json);
        json.WriteString("chosen", turns.Chosen);
        json.WriteEndObject();
    }

    private static void WriteNumber(string name, double? value, Utf8JsonWriter json)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullable(string name, DateTimeOffset? value, Utf8JsonWriter json)
    {
        if (value is { } time)
        {
            json.WriteString(name, time);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStrings(string name, IReadOnlyList<string> values, Utf8JsonWriter json)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
