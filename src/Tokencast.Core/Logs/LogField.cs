namespace Tokencast.Core.Logs;

/// <summary>A field of a request record that log columns are mapped to.</summary>
public enum LogField
{
    /// <summary>Model name.</summary>
    Model,

    /// <summary>Product feature that made the call.</summary>
    Feature,

    /// <summary>User cohort.</summary>
    Cohort,

    /// <summary>End user id.</summary>
    User,

    /// <summary>Time of the call.</summary>
    Timestamp,

    /// <summary>Conversation or session id.</summary>
    ConversationId,

    /// <summary>Task or trace id that groups the calls of one task.</summary>
    TaskId,

    /// <summary>Response or message id; rows with the same id are one response.</summary>
    ResponseId,

    /// <summary>Success or failure of the call.</summary>
    Status,

    /// <summary>Service tier the call ran in.</summary>
    ServiceTier,

    /// <summary>Input token count.</summary>
    InputTokens,

    /// <summary>Output token count.</summary>
    OutputTokens,

    /// <summary>Cache-read token count.</summary>
    CacheReadTokens,

    /// <summary>Cache-write token count without a cache lifetime.</summary>
    CacheWriteTokens,

    /// <summary>5-minute cache-write token count.</summary>
    CacheWrite5MinutesTokens,

    /// <summary>1-hour cache-write token count.</summary>
    CacheWrite1HourTokens,

    /// <summary>Reasoning token count.</summary>
    ReasoningTokens,

    /// <summary>Total token count, used only as a check.</summary>
    TotalTokens,

    /// <summary>Prefix block hashes (Mooncake <c>hash_ids</c>), one per 512-token block.</summary>
    PrefixBlockHashes,
}
