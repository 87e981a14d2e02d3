namespace Tokencast.Core.Scenarios;

/// <summary>Spending limits in USD that forecasts are compared with.</summary>
/// <param name="MonthlyUsd">Limit for every month not listed in <paramref name="ByMonth"/>, or null.</param>
/// <param name="ByMonth">Limit per month, keyed by the first day of the month.</param>
/// <param name="TotalUsd">Limit for the whole horizon, or null.</param>
/// <param name="Source">Location of the <c>budget</c> mapping.</param>
public sealed record BudgetSpec(
    decimal? MonthlyUsd,
    IReadOnlyDictionary<DateOnly, decimal> ByMonth,
    decimal? TotalUsd,
    SourceLocation Source)
{
    /// <summary>Returns the limit for the month that starts on <paramref name="month"/>, or null.</summary>
    public decimal? LimitFor(DateOnly month) => ByMonth.TryGetValue(month, out var limit) ? limit : MonthlyUsd;
}
