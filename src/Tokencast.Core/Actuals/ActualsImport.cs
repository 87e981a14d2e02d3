namespace Tokencast.Core.Actuals;

/// <summary>
/// One import recorded in the store's manifest: what was read, with which options, where its rows
/// are, and the counts and totals reported when it ran. Estimated cost (from usage) and billed cost
/// (from a FOCUS export) are separate figures and never summed together.
/// </summary>
public sealed record ActualsImport
{
    /// <summary>SHA-256 (hex) of the file's SHA-256 and the import options; the same file with the
    /// same options has the same key.</summary>
    public required string Key { get; init; }

    /// <summary>Kind of file read.</summary>
    public required ActualsKind Kind { get; init; }

    /// <summary>File name of the imported file.</summary>
    public required string SourceFile { get; init; }

    /// <summary>SHA-256 (hex) of the imported file's bytes.</summary>
    public required string SourceSha256 { get; init; }

    /// <summary>Import options as text, including the price catalog for usage imports.</summary>
    public required string Options { get; init; }

    /// <summary>Time the import was written, in UTC.</summary>
    public required DateTimeOffset ImportedAt { get; init; }

    /// <summary>Name of the JSON Lines file in the store that contains the actuals.</summary>
    public required string DataFile { get; init; }

    /// <summary>Name of the JSON Lines file that contains the set-aside rows, or null when there are none.</summary>
    public string? RejectedFile { get; init; }

    /// <summary>
    /// Time transformation applied to the calls' times for replaying a short trace, or null when the
    /// times are stored as logged.
    /// </summary>
    public TraceTimeScale? TimeScale { get; init; }

    /// <summary>Earliest call time in the file before <see cref="TimeScale"/> moved it, or null.</summary>
    public DateTimeOffset? TimeScaleTraceStart { get; init; }

    /// <summary>Data rows in the file, set-aside rows included.</summary>
    public int RowsRead { get; init; }

    /// <summary>Rows set aside as invalid.</summary>
    public int SetAsideRows { get; init; }

    /// <summary>Calls imported (usage imports).</summary>
    public int Calls { get; init; }

    /// <summary>Distinct tasks among the calls (usage imports).</summary>
    public int Tasks { get; init; }

    /// <summary>Calls without usage, whose cost is unknown (usage imports).</summary>
    public int UnknownUsageRows { get; init; }

    /// <summary>Rows merged as snapshots of one response (usage imports).</summary>
    public int DuplicatesMerged { get; init; }

    /// <summary>
    /// Calls left out because an earlier import contains a call with the same response id, as overlapping
    /// exports of one log do (usage imports).
    /// </summary>
    public int CallsAlreadyStored { get; init; }

    /// <summary>Failed calls with usage, priced because they are paid (usage imports).</summary>
    public int FailedCallsPriced { get; init; }

    /// <summary>Estimated cost in USD from tokens times catalog prices, or null for FOCUS imports.</summary>
    public decimal? EstimatedCostUsd { get; init; }

    /// <summary>Sum of LiteLLM's own spend estimate in USD, or null when the log has none.</summary>
    public decimal? LiteLlmSpendUsd { get; init; }

    /// <summary>Billed cost by billing currency, or null for usage imports.</summary>
    public IReadOnlyDictionary<string, decimal>? BilledCostByCurrency { get; init; }

    /// <summary>Effective cost by billing currency, or null for usage imports.</summary>
    public IReadOnlyDictionary<string, decimal>? EffectiveCostByCurrency { get; init; }
}
