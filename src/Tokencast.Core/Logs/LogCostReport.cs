namespace Tokencast.Core.Logs;

/// <summary>Cost of a request log: each row's outcome and exact decimal totals.</summary>
/// <param name="Rows">Outcome of every row, in input order.</param>
/// <param name="TotalUsd">Sum of all priced rows.</param>
/// <param name="ByModelUsd">Totals by model as logged.</param>
/// <param name="ByFeatureUsd">Totals by feature; rows without a feature are under an empty name.</param>
/// <param name="ByTaskUsd">Totals by task id, failed attempts included. Rows without a task id are
/// left out.</param>
/// <param name="RowsPriced">Rows priced.</param>
/// <param name="RowsWithoutUsage">Rows without usage; their cost is unknown, not zero.</param>
/// <param name="DuplicatesMerged">Rows dropped as snapshots of a response kept on another row.</param>
/// <param name="RowsPricedAtToday">Priced rows without a date, priced at the prices of the run date.</param>
/// <param name="FailedRowsPriced">Priced rows of failed calls, which are billed too.</param>
public sealed record LogCostReport(
    IReadOnlyList<RecordCost> Rows,
    decimal TotalUsd,
    IReadOnlyDictionary<string, decimal> ByModelUsd,
    IReadOnlyDictionary<string, decimal> ByFeatureUsd,
    IReadOnlyDictionary<string, decimal> ByTaskUsd,
    int RowsPriced,
    int RowsWithoutUsage,
    int DuplicatesMerged,
    int RowsPricedAtToday,
    int FailedRowsPriced);
