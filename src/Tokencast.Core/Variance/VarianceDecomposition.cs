namespace Tokencast.Core.Variance;

/// <summary>
/// Splits the difference between actual and forecast spend into volume, mix, tokens per task, unit
/// price and cache hit rate by the Shapley value over those five factors. docs/variance.md defines
/// the spend model and the handling of cells present on one side only.
/// </summary>
/// <remarks>
/// The Shapley value of factor i averages, over all 120 orders of the five factors, the change in
/// spend when i switches from forecast to actual. It is computed with the equivalent subset weights:
/// a subset S of the other four factors, already at actual, has weight |S|! (4 - |S|)! / 5!, that is
/// 24, 6, 4, 6, 24 over 120 for |S| = 0 to 4. The result does not depend on any factor order.
/// </remarks>
public static class VarianceDecomposition
{
    /// <summary>
    /// Decimal places each part is rounded to (banker's rounding) before the residual step, so that
    /// sums of parts need no further rounding while spend stays below about 7.9 trillion USD.
    /// </summary>
    public const int PartDecimals = 16;

    private const int FactorCount = 5;
    private const int Volume = 0;
    private const int Mix = 1;
    private const int TokensPerTask = 2;
    private const int UnitPrice = 3;
    private const int CacheHitRate = 4;
    private const int Forecast = 0;
    private const int Actual = 1;

    // |S|! (4 - |S|)! for |S| = 0..4; dividing by 5! = 120 gives the Shapley weight.
    private static readonly int[] SubsetWeights = [24, 6, 4, 6, 24];

    /// <summary>
    /// Explains actual minus forecast spend of one period. Each feature's five parts add up exactly to
    /// its difference, and the totals are exact sums of the feature parts.
    /// </summary>
    /// <exception cref="ArgumentException">Either side has no tasks at all, so cell shares are undefined.</exception>
    public static VarianceExplanation Explain(PeriodFactors forecast, PeriodFactors actual)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(actual);
        decimal[] totalTasks = [forecast.TotalTasks, actual.TotalTasks];
        if (totalTasks[Forecast] == 0 || totalTasks[Actual] == 0)
        {
            throw new ArgumentException(
                $"The forecast has {totalTasks[Forecast]} tasks and the actuals {totalTasks[Actual]}; "
                + "both need tasks for the shares of the mix to be defined.",
                nameof(actual));
        }

        var pairs = VarianceCellPair.Join(forecast.Cells, actual.Cells);
        var features = new SortedDictionary<string, VarianceParts>(StringComparer.Ordinal);
        foreach (var feature in pairs.GroupBy(pair => pair.Feature))
        {
            features.Add(feature.Key, ExplainFeature(feature.ToList(), totalTasks));
        }

        return new VarianceExplanation(SumParts(features.Values), features);
    }

    private static VarianceParts ExplainFeature(List<VarianceCellPair> cells, decimal[] totalTasks)
    {
        // Spend of the feature at each of the 32 points where bit i of the mask sets factor i to actual.
        var spend = new decimal[1 << FactorCount];
        for (var mask = 0; mask < spend.Length; mask++)
        {
            spend[mask] = cells.Sum(cell => cell.SpendUsd(
                totalTasks[Side(mask, Volume)],
                totalTasks[Side(mask, Mix)],
                Side(mask, Volume),
                Side(mask, Mix),
                Side(mask, TokensPerTask),
                Side(mask, UnitPrice),
                Side(mask, CacheHitRate)));
        }

        var parts = new decimal[FactorCount];
        for (var factor = 0; factor < FactorCount; factor++)
        {
            parts[factor] = Math.Round(ShapleyValue(spend, factor), PartDecimals, MidpointRounding.ToEven);
        }

        var forecastUsd = spend[0];
        var actualUsd = spend[^1];
        AssignResidual(parts, actualUsd - forecastUsd);
        return new VarianceParts(
            forecastUsd,
            actualUsd,
            parts[Volume],
            parts[Mix],
            parts[TokensPerTask],
            parts[UnitPrice],
            parts[CacheHitRate]);
    }

    private static int Side(int mask, int factor) => (mask >> factor) & 1;

    private static decimal ShapleyValue(decimal[] spend, int factor)
    {
        var bit = 1 << factor;
        var weighted = 0m;
        for (var mask = 0; mask < spend.Length; mask++)
        {
            if ((mask & bit) != 0)
            {
                continue;
            }

            weighted += SubsetWeights[int.PopCount(mask)] * (spend[mask | bit] - spend[mask]);
        }

        return weighted / 120m;
    }

    // Rounding each part can leave the sum a few units of the last decimal place off the exact
    // difference. The residual goes to the part with the largest magnitude (the earliest factor on a
    // tie), where it changes the part the least in relative terms.
    private static void AssignResidual(decimal[] parts, decimal difference)
    {
        var residual = difference - parts.Sum();
        var largest = 0;
        for (var factor = 1; factor < FactorCount; factor++)
        {
            if (Math.Abs(parts[factor]) > Math.Abs(parts[largest]))
            {
                largest = factor;
            }
        }

        parts[largest] += residual;
    }

    private static VarianceParts SumParts(IEnumerable<VarianceParts> features)
    {
        var total = new VarianceParts(0m, 0m, 0m, 0m, 0m, 0m, 0m);
        foreach (var parts in features)
        {
            total = new VarianceParts(
                total.ForecastUsd + parts.ForecastUsd,
                total.ActualUsd + parts.ActualUsd,
                total.VolumeUsd + parts.VolumeUsd,
                total.MixUsd + parts.MixUsd,
                total.TokensPerTaskUsd + parts.TokensPerTaskUsd,
                total.UnitPriceUsd + parts.UnitPriceUsd,
                total.CacheHitRateUsd + parts.CacheHitRateUsd);
        }

        return total;
    }
}
