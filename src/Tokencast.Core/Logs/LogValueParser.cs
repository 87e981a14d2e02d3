using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tokencast.Core.Pricing;

namespace Tokencast.Core.Logs;

/// <summary>Parses the values of log fields: token counts, times, statuses, service tiers, hashes.</summary>
internal static partial class LogValueParser
{
    // A numeric time below this is not a plausible unix time (it would be before September 2001),
    // so it is read as milliseconds since the start of the trace, as Mooncake traces write it.
    private const long FirstPlausibleUnixSeconds = 1_000_000_000;

    // Unix times at or above this are milliseconds (in seconds it would be after the year 5000).
    private const long FirstUnixMilliseconds = 100_000_000_000;

    /// <summary>
    /// Most tokens one call may report in one count: a hundred times the largest context windows offered, so
    /// that only a unit mistake (bytes, characters, a sum over a day) goes over it.
    /// </summary>
    public const long MaxTokensPerCall = 1_000_000_000;

    /// <summary>Accepted timestamp forms, for messages.</summary>
    public const string AcceptedTimeForms =
        "ISO 8601 (2026-08-18T10:00:00Z, 2026-08-18T10:00:00.123+02:00, 2026-08-18), "
        + "2026-08-18 10:00:00.1234567, unix seconds, unix milliseconds, "
        + "or milliseconds since the start of a trace";

    // The 'T' or space separator, optional seconds fraction, and optional offset (Z or +hh:mm).
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    public static bool TryParseTokens(string text, out long tokens)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out tokens))
        {
            return tokens >= 0;
        }

        // JSON writers sometimes emit whole numbers as 12.0.
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= 0 && value == decimal.Truncate(value) && value <= long.MaxValue)
        {
            tokens = (long)value;
            return true;
        }

        return false;
    }

    public static bool TryParseTime(string text, out DateTimeOffset? timestamp, out TimeSpan? offset)
    {
        timestamp = null;
        offset = null;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (number < 0)
            {
                return false;
            }

            if (number < FirstPlausibleUnixSeconds)
            {
                offset = TimeSpan.FromMilliseconds((double)number);
            }
            else if (number < FirstUnixMilliseconds)
            {
                timestamp = DateTimeOffset.UnixEpoch.AddTicks((long)(number * TimeSpan.TicksPerSecond));
            }
            else
            {
                timestamp = DateTimeOffset.UnixEpoch.AddTicks((long)(number * TimeSpan.TicksPerMillisecond));
            }

            return true;
        }

        // Only unambiguous forms are read: 05/01/2027 is May 1 or January 5 depending on the writer.
        // A time without an offset is taken as UTC. Fractions beyond 100 ns (OpenTelemetry writes
        // nanoseconds) are cut to the 7 digits DateTimeOffset holds.
        var trimmed = ExtraFractionDigits().Replace(text.Trim(), "$1");
        if (DateTimeOffset.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var parsed))
        {
            timestamp = parsed;
            return true;
        }

        return false;
    }

    public static bool TryParseStatus(string text, out RequestStatus status)
    {
        var value = text.Trim().ToLowerInvariant();
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) && code >= 100)
        {
            status = code < 400 ? RequestStatus.Success : RequestStatus.Failed;
            return true;
        }

        switch (value)
        {
            case "success" or "succeeded" or "ok" or "completed" or "complete" or "true" or "200":
                status = RequestStatus.Success;
                return true;
            case "failed" or "failure" or "error" or "errored" or "cancelled" or "canceled" or "timeout"
                or "timed_out" or "false" or "incomplete":
                status = RequestStatus.Failed;
                return true;
            default:
                status = RequestStatus.Success;
                return false;
        }
    }

    public static bool TryParseServiceTier(string text, out ServiceTier serviceTier)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "standard" or "default" or "auto" or "on_demand":
                serviceTier = ServiceTier.Standard;
                return true;
            case "batch" or "batches":
                serviceTier = ServiceTier.Batch;
                return true;
            case "flex":
                serviceTier = ServiceTier.Flex;
                return true;
            case "priority":
                serviceTier = ServiceTier.Priority;
                return true;
            default:
                serviceTier = ServiceTier.Standard;
                return false;
        }
    }

    [GeneratedRegex(@"(\.[0-9]{7})[0-9]+")]
    private static partial Regex ExtraFractionDigits();

    public static bool TryParseHashes(string text, out IReadOnlyList<long>? hashes)
    {
        hashes = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var values = new List<long>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (!element.TryGetInt64(out var value))
                {
                    return false;
                }

                values.Add(value);
            }

            hashes = values;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
