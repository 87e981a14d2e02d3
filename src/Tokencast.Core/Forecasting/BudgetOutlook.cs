namespace Tokencast.Core.Forecasting;

/// <summary>The chance that spend exceeds a budget.</summary>
/// <param name="Month">First day of the month, or null for the whole horizon.</param>
/// <param name="BudgetUsd">The budget.</param>
/// <param name="ExceedanceProbability">Share of trials whose spend is above the budget.</param>
public sealed record BudgetOutlook(DateOnly? Month, double BudgetUsd, double ExceedanceProbability);
