using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Reporting;

/// <summary>Looks up the budgets of a branch forecast by month and for the horizon.</summary>
internal static class BranchBudgets
{
    /// <summary>
    /// Returns the monthly budgets of <paramref name="branch"/>, keyed by the first day of the month.
    /// </summary>
    public static Dictionary<DateOnly, BudgetOutlook> Monthly(BranchForecast branch)
    {
        var monthly = new Dictionary<DateOnly, BudgetOutlook>();
        foreach (var outlook in branch.Budget)
        {
            if (outlook.Month is { } month)
            {
                monthly[month] = outlook;
            }
        }

        return monthly;
    }

    /// <summary>Returns the budget for the whole horizon, or null when the branch has none.</summary>
    public static BudgetOutlook? Horizon(BranchForecast branch) =>
        branch.Budget.FirstOrDefault(b => b.Month is null);
}
