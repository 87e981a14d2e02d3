namespace Tokencast.Core.Variance;

/// <summary>
/// Cells of one closed period, each a (feature, model) pair with its tasks, tokens and prices.
/// </summary>
public sealed class PeriodFactors
{
    private PeriodFactors(IReadOnlyList<CellFactors> cells) => Cells = cells;

    /// <summary>Cells ordered by feature and then model (ordinal), one per (feature, model) pair.</summary>
    public IReadOnlyList<CellFactors> Cells { get; }

    /// <summary>Tasks over all cells.</summary>
    public decimal TotalTasks => Cells.Sum(cell => cell.Tasks);

    /// <summary>Spend over all cells, in USD.</summary>
    public decimal SpendUsd => Cells.Sum(cell => cell.SpendUsd);

    /// <summary>
    /// Creates the factors of a period from given cells, for example a forecast.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A (feature, model) pair repeats, a count or price is negative, or a cell without tasks has tokens.
    /// </exception>
    public static PeriodFactors FromCells(IEnumerable<CellFactors> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var list = cells
            .OrderBy(cell => cell.Feature, StringComparer.Ordinal)
            .ThenBy(cell => cell.Model, StringComparer.Ordinal)
            .ToList();
        var problems = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            CheckCell(list[i], problems);
            if (i > 0 && list[i].Feature == list[i - 1].Feature && list[i].Model == list[i - 1].Model)
            {
                problems.Add($"feature '{list[i].Feature}' with model '{list[i].Model}' appears twice");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid period factors: " + string.Join("; ", problems) + ".", nameof(cells));
        }

        return new PeriodFactors(list);
    }

    /// <summary>
    /// Creates the factors of a period from observed tasks, one cell per feature and model of the
    /// task's last call, with tokens priced at <paramref name="pricesByModel"/>.
    /// </summary>
    /// <remarks>
    /// Tasks with an unknown cost count fully, because the decomposition prices tokens and does not
    /// read <see cref="TaskActual.CostUsd"/>.
    /// NOTE: an escalated task's tokens are all priced at its last model, so a cascade that spends
    /// most tokens on a cheaper first tier is overpriced here.
    /// </remarks>
    /// <exception cref="ArgumentException">A task's model has no entry in <paramref name="pricesByModel"/>.</exception>
    public static PeriodFactors FromActuals(
        IEnumerable<TaskActual> tasks, IReadOnlyDictionary<string, BucketPrices> pricesByModel)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(pricesByModel);
        var groups = tasks.GroupBy(task => (task.Feature, task.Model)).ToList();
        var missing = groups
            .Select(group => group.Key.Model)
            .Where(model => !pricesByModel.ContainsKey(model))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"No bucket prices for model(s) {string.Join(", ", missing)}; add them to the price map.",
                nameof(pricesByModel));
        }

        var cells = groups.Select(group =>
        {
            var tokens = group.Aggregate(default(TokenCounts), (sum, task) => sum + task.Tokens);
            var amounts = new TokenAmounts(tokens.UncachedInput, tokens.CacheRead, tokens.CacheWrite, tokens.Output);
            return new CellFactors(
                group.Key.Feature, group.Key.Model, group.Count(), amounts, pricesByModel[group.Key.Model]);
        });
        return FromCells(cells);
    }

    /// <summary>
    /// Creates the factors of a period from observed tasks, pricing each task's tokens at its own date. A price
    /// change inside the period is therefore kept. A cell's price per bucket is the token-weighted mean of the
    /// prices its tasks paid, so the cell's spend is the sum of its tasks' spend.
    /// </summary>
    /// <param name="tasks">The tasks of the period.</param>
    /// <param name="priceOn">
    /// The prices of a model on a date; called once per model and date. Every task's model must have prices.
    /// </param>
    /// <remarks>
    /// The mean price is a decimal division, so a cell's spend can differ from the exact sum of its tasks'
    /// spend in the 28th significant digit.
    /// </remarks>
    public static PeriodFactors FromActuals(IEnumerable<TaskActual> tasks, Func<string, DateOnly, BucketPrices> priceOn)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(priceOn);
        var cache = new Dictionary<(string Model, DateOnly Date), BucketPrices>();
        BucketPrices PriceOf(TaskActual task)
        {
            if (!cache.TryGetValue((task.Model, task.Date), out var prices))
            {
                prices = priceOn(task.Model, task.Date);
                cache.Add((task.Model, task.Date), prices);
            }

            return prices;
        }

        var cells = tasks.GroupBy(task => (task.Feature, task.Model)).Select(group =>
        {
            var tokens = group.Aggregate(default(TokenCounts), (sum, task) => sum + task.Tokens);
            decimal uncached = 0, cacheRead = 0, cacheWrite = 0, output = 0;
            foreach (var task in group)
            {
                var prices = PriceOf(task);
                uncached += task.Tokens.UncachedInput * prices.UncachedInputPerMillionTokens;
                cacheRead += task.Tokens.CacheRead * prices.CacheReadPerMillionTokens;
                cacheWrite += task.Tokens.CacheWrite * prices.CacheWritePerMillionTokens;
                output += task.Tokens.Output * prices.OutputPerMillionTokens;
            }

            // A bucket with no tokens has no paid price, so the first task's price is used. It costs nothing.
            var first = PriceOf(group.First());
            static decimal Mean(decimal paid, decimal tokens, decimal fallback) => tokens == 0 ? fallback : paid / tokens;
            var mean = new BucketPrices(
                Mean(uncached, tokens.UncachedInput, first.UncachedInputPerMillionTokens),
                Mean(cacheRead, tokens.CacheRead, first.CacheReadPerMillionTokens),
                Mean(cacheWrite, tokens.CacheWrite, first.CacheWritePerMillionTokens),
                Mean(output, tokens.Output, first.OutputPerMillionTokens));
            var amounts = new TokenAmounts(tokens.UncachedInput, tokens.CacheRead, tokens.CacheWrite, tokens.Output);
            return new CellFactors(group.Key.Feature, group.Key.Model, group.Count(), amounts, mean);
        });
        return FromCells(cells);
    }

    private static void CheckCell(CellFactors cell, List<string> problems)
    {
        var name = $"cell '{cell.Feature}' / '{cell.Model}'";
        var tokens = cell.Tokens;
        var prices = cell.Prices;
        if (cell.Tasks < 0)
        {
            problems.Add($"{name} has {cell.Tasks} tasks; use 0 or more");
        }

        if (tokens.UncachedInput < 0 || tokens.CacheRead < 0 || tokens.CacheWrite < 0 || tokens.Output < 0)
        {
            problems.Add($"{name} has a negative token count {tokens}; use 0 or more");
        }

        if (cell.Tasks == 0 && tokens.Total != 0)
        {
            problems.Add($"{name} has tokens but no tasks; give its tasks or drop the cell");
        }

        if (prices.UncachedInputPerMillionTokens < 0 || prices.CacheReadPerMillionTokens < 0
            || prices.CacheWritePerMillionTokens < 0 || prices.OutputPerMillionTokens < 0)
        {
            problems.Add($"{name} has a negative price {prices}; use 0 or more");
        }
    }
}
