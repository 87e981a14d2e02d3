namespace Tokencast.Core.Variance;

/// <summary>
/// One (feature, model) cell on the forecast side (index 0) and the actual side (index 1). A side
/// without tasks in the cell has 0 tasks and takes tokens per task, cache hit rate and prices from
/// the other side, so those factors add nothing for the cell and its spend falls to volume and mix.
/// </summary>
internal sealed class VarianceCellPair
{
    private readonly decimal[] _tasks;
    private readonly TokenAmounts[] _tokens;
    private readonly decimal[] _tokenTasks;
    private readonly BucketPrices[] _prices;

    private VarianceCellPair(string feature, CellFactors forecast, CellFactors actual)
    {
        Feature = feature;
        _tasks = [forecast.Tasks, actual.Tasks];
        var forecastSource = forecast.Tasks > 0 ? forecast : actual;
        var actualSource = actual.Tasks > 0 ? actual : forecast;
        _tokens = [forecastSource.Tokens, actualSource.Tokens];
        _tokenTasks = [forecastSource.Tasks, actualSource.Tasks];
        _prices = [forecastSource.Prices, actualSource.Prices];
    }

    public string Feature { get; }

    /// <summary>Pairs cells by feature and model, dropping pairs without tasks on either side.</summary>
    public static List<VarianceCellPair> Join(IReadOnlyList<CellFactors> forecast, IReadOnlyList<CellFactors> actual)
    {
        var forecastByKey = forecast.ToDictionary(cell => (cell.Feature, cell.Model));
        var actualByKey = actual.ToDictionary(cell => (cell.Feature, cell.Model));
        return forecastByKey.Keys
            .Union(actualByKey.Keys)
            .Order(Comparer<(string Feature, string Model)>.Create(CompareKeys))
            .Select(key => (
                Key: key,
                Forecast: forecastByKey.GetValueOrDefault(key),
                Actual: actualByKey.GetValueOrDefault(key)))
            .Where(pair => (pair.Forecast?.Tasks ?? 0) > 0 || (pair.Actual?.Tasks ?? 0) > 0)
            .Select(pair => new VarianceCellPair(
                pair.Key.Feature,
                pair.Forecast ?? EmptyLike(pair.Actual!),
                pair.Actual ?? EmptyLike(pair.Forecast!)))
            .ToList();
    }

    /// <summary>
    /// Computes the cell's spend in USD with each factor taken from the side given (0 forecast,
    /// 1 actual): V[volume] * s[mix] * T[tokens] priced at p[price] with h[hitRate], where s = tasks / V.
    /// </summary>
    /// <remarks>
    /// Ratios that cancel are skipped rather than divided and multiplied back, so the spend at all
    /// forecast or all actual factors is the exact decimal sum of tokens times prices.
    /// </remarks>
    public decimal SpendUsd(
        decimal volumeTotalTasks, decimal mixTotalTasks, int volume, int mix, int tokens, int price, int hitRate)
    {
        var spend = PricedTokens(_tokens[tokens], _tokens[hitRate], _prices[price], tokens == hitRate) / 1_000_000m;

        // Tasks in the cell are V[volume] * tasks[mix] / V[mix], and tokens per task are tokens / tasks
        // of the tokens side.
        var cellTasks = _tasks[mix];
        if (cellTasks != _tokenTasks[tokens])
        {
            spend = spend * cellTasks / _tokenTasks[tokens];
        }

        if (volume != mix)
        {
            spend = spend * volumeTotalTasks / mixTotalTasks;
        }

        return spend;
    }

    // Token totals times prices (USD per million tokens), with uncached input and cache reads
    // re-split by the hit rate h = R / (U + R) of the hit-rate side. A side without cacheable input
    // has h = 0.
    private static decimal PricedTokens(
        TokenAmounts tokens, TokenAmounts hitRateSource, BucketPrices prices, bool sameSide)
    {
        decimal readable;
        if (sameSide)
        {
            readable = tokens.UncachedInput * prices.UncachedInputPerMillionTokens
                + tokens.CacheRead * prices.CacheReadPerMillionTokens;
        }
        else
        {
            var cacheable = tokens.UncachedInput + tokens.CacheRead;
            var sourceCacheable = hitRateSource.UncachedInput + hitRateSource.CacheRead;
            readable = sourceCacheable == 0
                ? cacheable * prices.UncachedInputPerMillionTokens
                : cacheable * (hitRateSource.UncachedInput * prices.UncachedInputPerMillionTokens
                    + hitRateSource.CacheRead * prices.CacheReadPerMillionTokens) / sourceCacheable;
        }

        return readable
            + tokens.CacheWrite * prices.CacheWritePerMillionTokens
            + tokens.Output * prices.OutputPerMillionTokens;
    }

    private static CellFactors EmptyLike(CellFactors cell) => cell with { Tasks = 0, Tokens = default };

    private static int CompareKeys((string Feature, string Model) left, (string Feature, string Model) right)
    {
        var byFeature = string.CompareOrdinal(left.Feature, right.Feature);
        return byFeature != 0 ? byFeature : string.CompareOrdinal(left.Model, right.Model);
    }
}
