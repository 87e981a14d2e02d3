using Tokencast.Core.Logs;
using Tokencast.Core.Pricing;

namespace Tokencast.Core.Actuals;

/// <summary>
/// One call read from a request log: what it was, its usage in buckets, and its estimated cost
/// (tokens times catalog prices). It is never a billed amount.
/// </summary>
public sealed record UsageActual
{
    /// <summary>File name of the log the call was read from.</summary>
    public required string SourceFile { get; init; }

    /// <summary>1-based line of the row kept for the call.</summary>
    public required long Line { get; init; }

    /// <summary>Time of the call, or null when the log has no absolute time.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Product feature, or null.</summary>
    public string? Feature { get; init; }

    /// <summary>User cohort, or null.</summary>
    public string? Cohort { get; init; }

    /// <summary>End user id, or null.</summary>
    public string? User { get; init; }

    /// <summary>Model as logged, or the default model for rows that name none.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Task or trace id. A call without one is its own task, with the id <c>call:FILE:LINE</c>.
    /// </summary>
    public required string TaskId { get; init; }

    /// <summary>Response or message id, or null.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Outcome of the call. Failed calls with usage are paid, so they carry a cost.</summary>
    public RequestStatus Status { get; init; }

    /// <summary>Usage in disjoint buckets, or null when the row has no usage.</summary>
    public UsageBuckets? Buckets { get; init; }

    /// <summary>
    /// Estimated cost in USD from the tokens and the price catalog, exact; null when the usage is
    /// unknown, which is never the same as free.
    /// </summary>
    public decimal? EstimatedCostUsd { get; init; }

    /// <summary>
    /// LiteLLM's own cost estimate for the call (its <c>spend</c> column) in USD, kept apart from
    /// <see cref="EstimatedCostUsd"/>; null for other logs.
    /// </summary>
    public decimal? LiteLlmSpendUsd { get; init; }

    /// <summary>Whether the row had no usage, so its cost is unknown.</summary>
    public bool IsUsageUnknown => Buckets is null;
}
