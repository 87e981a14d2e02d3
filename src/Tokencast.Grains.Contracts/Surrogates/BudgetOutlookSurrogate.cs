using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="BudgetOutlook"/>.</summary>
[GenerateSerializer, Alias("tokencast.budget-outlook.v1")]
internal struct BudgetOutlookSurrogate
{
    [Id(0)] public int? Month;

    [Id(1)] public double BudgetUsd;

    [Id(2)] public double ExceedanceProbability;
}

/// <summary>Converts <see cref="BudgetOutlook"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class BudgetOutlookConverter : IConverter<BudgetOutlook, BudgetOutlookSurrogate>
{
    public BudgetOutlook ConvertFromSurrogate(in BudgetOutlookSurrogate surrogate) =>
        new(
            surrogate.Month is { } day ? DateOnly.FromDayNumber(day) : null,
            surrogate.BudgetUsd,
            surrogate.ExceedanceProbability);

    public BudgetOutlookSurrogate ConvertToSurrogate(in BudgetOutlook value) =>
        new()
        {
            Month = value.Month?.DayNumber,
            BudgetUsd = value.BudgetUsd,
            ExceedanceProbability = value.ExceedanceProbability,
        };
}
