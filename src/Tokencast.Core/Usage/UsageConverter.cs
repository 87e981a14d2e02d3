using Tokencast.Core.Pricing;

namespace Tokencast.Core.Usage;

/// <summary>
/// Converts reported usage into disjoint <see cref="UsageBuckets"/> and checks that the buckets add
/// up to the reported counts. An inconsistent report is an error: no bucket is ever negative and
/// no count is clamped.
/// </summary>
public static class UsageConverter
{
    /// <summary>Converts reported usage into buckets.</summary>
    /// <exception cref="InvalidInputException">The counts are missing, negative or inconsistent.</exception>
    public static UsageBuckets ToBuckets(ReportedUsage usage)
    {
        if (TryToBuckets(usage, out var buckets, out var problems))
        {
            return buckets;
        }

        throw new InvalidInputException(problems
            .Select(message => new InputProblem(null, null, "usage", null, message))
            .ToList());
    }

    /// <summary>
    /// Converts reported usage into buckets, or returns false with every problem found as a sentence.
    /// </summary>
    public static bool TryToBuckets(
        ReportedUsage usage, out UsageBuckets buckets, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var found = new List<string>();
        buckets = default;
        problems = found;

        CheckNotNegative(usage, found);
        if (usage.InputTokens is null)
        {
            found.Add("input token count is missing");
        }

        if (usage.OutputTokens is null)
        {
            found.Add("output token count is missing");
        }

        var (write5Minutes, write1Hour) = SplitCacheWrites(usage, found);
        if (found.Count > 0)
        {
            return false;
        }

        var input = usage.InputTokens!.Value;
        var output = usage.OutputTokens!.Value;
        var cacheRead = usage.CacheReadTokens ?? 0;
        var reasoning = usage.ReasoningTokens ?? 0;
        var cacheTotal = cacheRead + write5Minutes + write1Hour;

        var (uncached, visibleOutput, expectedTotal) = usage.Convention switch
        {
            // Input includes cache reads and writes, and output includes reasoning.
            UsageConvention.OpenAi or UsageConvention.OpenTelemetry =>
                (input - cacheTotal, output - reasoning, input + output),

            // The prompt includes cached content, and thoughts come on top of the candidates.
            UsageConvention.Gemini => (input - cacheTotal, output, input + output + reasoning),

            // Input excludes both cache kinds, and output includes thinking.
            UsageConvention.Anthropic => (input, output - reasoning, input + cacheTotal + output),

            _ => throw new ArgumentOutOfRangeException(nameof(usage), usage.Convention, "Unknown convention."),
        };

        if (uncached < 0)
        {
            found.Add($"cache tokens ({cacheTotal}) exceed input tokens ({input}); in the "
                + $"{usage.Convention} convention input includes cache reads and writes. If this log "
                + "reports input without cache tokens, use the Anthropic convention");
        }

        if (visibleOutput < 0)
        {
            found.Add($"reasoning tokens ({reasoning}) exceed output tokens ({output}); in the "
                + $"{usage.Convention} convention output includes reasoning");
        }

        if (usage.TotalTokens is { } total && total != expectedTotal)
        {
            found.Add($"total tokens ({total}) differ from the sum of the reported counts ({expectedTotal}) "
                + $"in the {usage.Convention} convention; check the convention and the columns");
        }

        if (found.Count > 0)
        {
            return false;
        }

        // NOTE: reported usage has no audio or image counts yet, so audio or image tokens inside a
        // provider's input count (OpenAI prompt_tokens_details.audio_tokens) are priced as text input.
        buckets = new UsageBuckets
        {
            UncachedInput = uncached,
            CacheRead = cacheRead,
            CacheWrite5Minutes = write5Minutes,
            CacheWrite1Hour = write1Hour,
            Output = visibleOutput,
            ReasoningOutput = reasoning,
        };
        return true;
    }

    // A cache write without a lifetime is a 5-minute write: it is the default lifetime of
    // Anthropic's ephemeral cache, and the OpenTelemetry attribute does not carry the lifetime.
    private static (long FiveMinutes, long OneHour) SplitCacheWrites(ReportedUsage usage, List<string> problems)
    {
        if (usage.CacheWrite5MinutesTokens is null && usage.CacheWrite1HourTokens is null)
        {
            return (usage.CacheWriteTokens ?? 0, 0);
        }

        var fiveMinutes = usage.CacheWrite5MinutesTokens ?? 0;
        var oneHour = usage.CacheWrite1HourTokens ?? 0;
        if (usage.CacheWriteTokens is { } total && total != fiveMinutes + oneHour)
        {
            problems.Add($"cache write tokens ({total}) differ from the 5-minute ({fiveMinutes}) plus "
                + $"1-hour ({oneHour}) writes");
        }

        return (fiveMinutes, oneHour);
    }

    private static void CheckNotNegative(ReportedUsage usage, List<string> problems)
    {
        (string Name, long? Value)[] counts =
        [
            ("input", usage.InputTokens), ("output", usage.OutputTokens), ("cache read", usage.CacheReadTokens),
            ("cache write", usage.CacheWriteTokens), ("5-minute cache write", usage.CacheWrite5MinutesTokens),
            ("1-hour cache write", usage.CacheWrite1HourTokens), ("reasoning", usage.ReasoningTokens),
            ("total", usage.TotalTokens),
        ];
        foreach (var (name, value) in counts)
        {
            if (value < 0)
            {
                problems.Add($"{name} token count ({value}) is negative; token counts must be 0 or more");
            }
        }
    }
}
