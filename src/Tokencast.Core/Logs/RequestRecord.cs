using Tokencast.Core.Pricing;
using Tokencast.Core.Usage;

namespace Tokencast.Core.Logs;

/// <summary>
/// One row of a request log: where it came from, what it describes, its usage as reported and as
/// disjoint buckets. Fields the log does not have are null.
/// </summary>
public sealed record RequestRecord
{
    /// <summary>Path of the log file.</summary>
    public required string SourceFile { get; init; }

    /// <summary>1-based line where the row starts.</summary>
    public required long Line { get; init; }

    /// <summary>All fields of the row as written, keyed by column name (flattened for JSON).</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>Time of the call, or null when the row has no absolute time.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Time since the start of the trace, for traces with relative times (Mooncake).</summary>
    public TimeSpan? TraceOffset { get; init; }

    /// <summary>Model name as logged.</summary>
    public string? Model { get; init; }

    /// <summary>Product feature.</summary>
    public string? Feature { get; init; }

    /// <summary>User cohort.</summary>
    public string? Cohort { get; init; }

    /// <summary>End user id.</summary>
    public string? User { get; init; }

    /// <summary>Conversation or session id.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Task or trace id.</summary>
    public string? TaskId { get; init; }

    /// <summary>Response or message id.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Outcome of the call.</summary>
    public RequestStatus Status { get; init; }

    /// <summary>Service tier, or null when the log does not say (priced as standard).</summary>
    public ServiceTier? ServiceTier { get; init; }

    /// <summary>Usage as reported, or null when the row has no usage.</summary>
    public ReportedUsage? Usage { get; init; }

    /// <summary>Usage in disjoint buckets, or null when the row has no usage.</summary>
    public UsageBuckets? Buckets { get; init; }

    /// <summary>Prefix block hashes, 512 tokens per block, or null.</summary>
    public IReadOnlyList<long>? PrefixBlockHashes { get; init; }
}
