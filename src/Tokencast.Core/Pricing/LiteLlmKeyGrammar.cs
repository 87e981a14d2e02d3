using System.Globalization;
using System.Text.RegularExpressions;

namespace Tokencast.Core.Pricing;

/// <summary>
/// Parses LiteLLM price keys by their grammar instead of a fixed list: a stem naming the token kind,
/// such as <c>input_cost_per_token</c> or <c>cache_creation_input_token_cost</c>, followed by
/// suffixes in any order: <c>_above_Nk_tokens</c> (long-context tier), <c>_above_1hr</c> (1-hour
/// cache write), <c>_batches</c>, <c>_flex</c>, <c>_priority</c> and <c>_cache_hit</c>.
/// </summary>
public static partial class LiteLlmKeyGrammar
{
    // Units of prices that are not per token. Matched on whole words of the stem.
    private static readonly string[] OtherUnits =
    [
        "per_second", "per_image", "per_pixel", "per_character", "per_page", "per_query", "per_request",
        "per_session", "per_credit", "per_gb", "per_1k", "dbu", "interval",
    ];

    /// <summary>Parses one catalog key.</summary>
    public static LiteLlmPriceKey Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stem = key;
        long above = 0;
        ServiceTier? serviceTier = null;
        var oneHour = false;
        var cacheHit = false;
        var repeated = false;
        while (true)
        {
            var aboveMatch = AboveThousandsSuffix().Match(stem);
            if (aboveMatch.Success)
            {
                repeated |= above != 0;
                above = long.Parse(aboveMatch.Groups[1].Value, CultureInfo.InvariantCulture) * 1000;
                stem = stem[..aboveMatch.Index];
            }
            else if (TryStrip(ref stem, "_above_1hr"))
            {
                repeated |= oneHour;
                oneHour = true;
            }
            else if (TryStrip(ref stem, "_cache_hit"))
            {
                repeated |= cacheHit;
                cacheHit = true;
            }
            else if (TryStripServiceTier(ref stem, out var tier))
            {
                repeated |= serviceTier is not null;
                serviceTier = tier;
            }
            else
            {
                break;
            }
        }

        if (repeated)
        {
            return new LiteLlmPriceKey(LiteLlmKeyKind.Unknown, null, above, serviceTier ?? ServiceTier.Standard);
        }

        var bucket = ParseStem(stem, oneHour, cacheHit, out var known);
        if (bucket is not null)
        {
            return new LiteLlmPriceKey(LiteLlmKeyKind.TokenPrice, bucket, above,
                serviceTier ?? ServiceTier.Standard, IsAlternateSpelling: cacheHit);
        }

        if (known)
        {
            return new LiteLlmPriceKey(LiteLlmKeyKind.NoBucket, null, above, serviceTier ?? ServiceTier.Standard);
        }

        var words = "_" + key + "_";
        var kind = OtherUnits.Any(unit => words.Contains("_" + unit + "_", StringComparison.Ordinal))
            ? LiteLlmKeyKind.NotTokenPrice
            : LiteLlmKeyKind.Unknown;
        return new LiteLlmPriceKey(kind, null, above, serviceTier ?? ServiceTier.Standard);
    }

    /// <summary>Formats the LiteLLM key of a price, the inverse of <see cref="Parse"/>.</summary>
    public static string FormatKey(TokenBucket bucket, long abovePromptTokens, ServiceTier serviceTier)
    {
        var stem = bucket switch
        {
            TokenBucket.UncachedInput => "input_cost_per_token",
            TokenBucket.CacheRead => "cache_read_input_token_cost",
            TokenBucket.CacheWrite5Minutes => "cache_creation_input_token_cost",
            TokenBucket.CacheWrite1Hour => "cache_creation_input_token_cost_above_1hr",
            TokenBucket.Output => "output_cost_per_token",
            TokenBucket.ReasoningOutput => "output_cost_per_reasoning_token",
            TokenBucket.AudioInput => "input_cost_per_audio_token",
            TokenBucket.AudioOutput => "output_cost_per_audio_token",
            TokenBucket.ImageInput => "input_cost_per_image_token",
            TokenBucket.ImageOutput => "output_cost_per_image_token",
            _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Unknown token bucket."),
        };
        var above = abovePromptTokens > 0 && abovePromptTokens % 1000 == 0
            ? $"_above_{abovePromptTokens / 1000}k_tokens"
            : "";
        return stem + above + ServiceTierSuffix(serviceTier);
    }

    /// <summary>Returns the key suffix LiteLLM uses for a service tier, empty for standard.</summary>
    public static string ServiceTierSuffix(ServiceTier serviceTier) => serviceTier switch
    {
        ServiceTier.Batch => "_batches",
        ServiceTier.Flex => "_flex",
        ServiceTier.Priority => "_priority",
        _ => "",
    };

    private static TokenBucket? ParseStem(string stem, bool oneHour, bool cacheHit, out bool known)
    {
        known = true;
        var bucket = stem switch
        {
            "input_cost_per_token" or "input_token_cost" =>
                cacheHit ? TokenBucket.CacheRead : TokenBucket.UncachedInput,
            "output_cost_per_token" or "output_token_cost" => TokenBucket.Output,
            "output_cost_per_reasoning_token" => TokenBucket.ReasoningOutput,
            "input_cost_per_audio_token" or "input_audio_token_cost" => TokenBucket.AudioInput,
            "output_cost_per_audio_token" or "output_audio_token_cost" => TokenBucket.AudioOutput,
            "input_cost_per_image_token" or "input_image_token_cost" => TokenBucket.ImageInput,
            "output_cost_per_image_token" or "output_image_token_cost" => TokenBucket.ImageOutput,
            "cache_read_input_token_cost" => TokenBucket.CacheRead,
            "cache_creation_input_token_cost" =>
                oneHour ? TokenBucket.CacheWrite1Hour : TokenBucket.CacheWrite5Minutes,
            _ => (TokenBucket?)null,
        };

        // The 1-hour and cache-hit suffixes only qualify the stems they are defined for.
        var oneHourMisplaced = oneHour && stem != "cache_creation_input_token_cost";
        var cacheHitMisplaced = cacheHit && stem != "input_cost_per_token";
        if (bucket is not null && !oneHourMisplaced && !cacheHitMisplaced)
        {
            return bucket;
        }

        known = !oneHourMisplaced && !cacheHitMisplaced && NoBucketStem().IsMatch(stem);
        return null;
    }

    private static bool TryStrip(ref string stem, string suffix)
    {
        if (!stem.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        stem = stem[..^suffix.Length];
        return true;
    }

    private static bool TryStripServiceTier(ref string stem, out ServiceTier serviceTier)
    {
        foreach (var candidate in new[] { ServiceTier.Batch, ServiceTier.Flex, ServiceTier.Priority })
        {
            if (TryStrip(ref stem, ServiceTierSuffix(candidate)))
            {
                serviceTier = candidate;
                return true;
            }
        }

        serviceTier = ServiceTier.Standard;
        return false;
    }

    [GeneratedRegex(@"_above_(\d+)k_tokens$", RegexOptions.CultureInvariant)]
    private static partial Regex AboveThousandsSuffix();

    // Per-token prices of token kinds without a bucket: cached audio and video tokens.
    [GeneratedRegex(
        @"^((input|output)_cost_per_(audio|image|video)_token"
        + @"|(cache_read|cache_creation)_input_(audio|image|video)_token_cost"
        + @"|(input|output)_video_token_cost)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NoBucketStem();
}
