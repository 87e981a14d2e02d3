namespace Tokencast.Core.Usage;

/// <summary>
/// Token counts as a provider or log reported them, before conversion to disjoint buckets. Each
/// count means what <see cref="Convention"/> says it means; null counts were not reported.
/// </summary>
public sealed record ReportedUsage
{
    /// <summary>How the counts overlap.</summary>
    public required UsageConvention Convention { get; init; }

    /// <summary>Input (prompt) tokens; whether cache tokens are included depends on the convention.</summary>
    public long? InputTokens { get; init; }

    /// <summary>Output tokens: candidates for Gemini; including reasoning otherwise.</summary>
    public long? OutputTokens { get; init; }

    /// <summary>Input tokens served from a prompt cache.</summary>
    public long? CacheReadTokens { get; init; }

    /// <summary>Input tokens written to a prompt cache, when the cache lifetime is not reported.</summary>
    public long? CacheWriteTokens { get; init; }

    /// <summary>Input tokens written to a 5-minute prompt cache.</summary>
    public long? CacheWrite5MinutesTokens { get; init; }

    /// <summary>Input tokens written to a 1-hour prompt cache.</summary>
    public long? CacheWrite1HourTokens { get; init; }

    /// <summary>Reasoning tokens: inside output, except for Gemini thoughts, which are outside it.</summary>
    public long? ReasoningTokens { get; init; }

    /// <summary>Total tokens as reported, used only to check the other counts.</summary>
    public long? TotalTokens { get; init; }

    /// <summary>Whether any count was reported.</summary>
    public bool HasAnyCount =>
        InputTokens is not null || OutputTokens is not null || CacheReadTokens is not null
        || CacheWriteTokens is not null || CacheWrite5MinutesTokens is not null
        || CacheWrite1HourTokens is not null || ReasoningTokens is not null || TotalTokens is not null;
}
