namespace Tokencast.Core.Actuals;

/// <summary>Billed actuals read from one FOCUS export, with the counts an import reports.</summary>
/// <param name="Actuals">One actual per charge row, in input order.</param>
/// <param name="Rejected">Rows set aside as invalid, in input order.</param>
/// <param name="RowsRead">Data rows in the file, set-aside rows included.</param>
public sealed record BilledBatch(
    IReadOnlyList<BilledActual> Actuals, IReadOnlyList<RejectedRow> Rejected, int RowsRead)
{
    /// <summary>Sum of billed cost by billing currency, exact.</summary>
    public IReadOnlyDictionary<string, decimal> BilledCostByCurrency => SumByCurrency(actual => actual.BilledCost);

    /// <summary>Sum of effective cost by billing currency, exact.</summary>
    public IReadOnlyDictionary<string, decimal> EffectiveCostByCurrency =>
        SumByCurrency(actual => actual.EffectiveCost);

    private SortedDictionary<string, decimal> SumByCurrency(Func<BilledActual, decimal> cost)
    {
        var totals = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var actual in Actuals)
        {
            totals[actual.BillingCurrency] = totals.GetValueOrDefault(actual.BillingCurrency) + cost(actual);
        }

        return totals;
    }
}
