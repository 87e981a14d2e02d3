namespace Tokencast.Core.Actuals;

/// <summary>Usage actuals read from one log, with the counts an import reports.</summary>
/// <param name="Actuals">One actual per call, in input order; duplicate snapshots are merged.</param>
/// <param name="Rejected">Rows set aside as invalid, in input order.</param>
/// <param name="RowsRead">Data rows in the file, set-aside rows included.</param>
/// <param name="DuplicatesMerged">Rows dropped as snapshots of a response kept on another row.</param>
/// <param name="FailedCallsPriced">Priced calls that failed, which are paid too.</param>
public sealed record UsageBatch(
    IReadOnlyList<UsageActual> Actuals,
    IReadOnlyList<RejectedRow> Rejected,
    int RowsRead,
    int DuplicatesMerged,
    int FailedCallsPriced)
{
    /// <summary>
    /// Earliest call time in the log before <see cref="UsageImportOptions.TimeScale"/> moved it, or null
    /// when no time scale was applied.
    /// </summary>
    public DateTimeOffset? TraceStart { get; init; }

    /// <summary>Number of calls: priced calls and calls with unknown usage.</summary>
    public int Calls => Actuals.Count;

    /// <summary>Number of distinct task ids; a call without a task id counts as its own task.</summary>
    public int Tasks => Actuals.Select(actual => actual.TaskId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Calls without usage, whose cost is unknown.</summary>
    public int UnknownUsageRows => Actuals.Count(actual => actual.IsUsageUnknown);

    /// <summary>Sum of the estimated cost of all priced calls in USD, exact.</summary>
    public decimal EstimatedCostUsd => Actuals.Sum(actual => actual.EstimatedCostUsd ?? 0m);

    /// <summary>Sum of LiteLLM's own spend figures in USD, or null when no call has one.</summary>
    public decimal? LiteLlmSpendUsd =>
        Actuals.Any(actual => actual.LiteLlmSpendUsd is not null)
            ? Actuals.Sum(actual => actual.LiteLlmSpendUsd ?? 0m)
            : null;
}
