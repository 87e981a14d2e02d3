using Tokencast.Core.Forecasting;
using Tokencast.Core.Randomness;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Variance;

/// <summary>
/// Builds the forecast side of a variance explanation: the (feature, model) cells a stored forecast
/// expects over a closed period, with mean tasks, mean tokens per task and the plan's bucket prices.
/// docs/variance.md describes the rules.
/// </summary>
public static class ForecastFactors
{
    /// <summary>
    /// Tasks sampled per task model to estimate mean tokens per task. The relative standard error of a
    /// bucket's mean is its coefficient of variation over the square root of this, so CV / 256.
    /// </summary>
    public const int DefaultSampleTasks = 65_536;

    private const int Buckets = 4;
    private const int UncachedInput = 0;
    private const int CacheRead = 1;
    private const int CacheWrite = 2;
    private const int Output = 3;

    /// <summary>
    /// Computes the forecast factors of <paramref name="branch"/> for the days from
    /// <paramref name="from"/> up to, not including, <paramref name="until"/>.
    /// </summary>
    /// <param name="plan">The plan the forecast was run from, with the branch compiled.</param>
    /// <param name="result">The forecast result, whose mean tasks per feature and month are used.</param>
    /// <param name="branch">Branch name.</param>
    /// <param name="from">First day of the period.</param>
    /// <param name="until">Day after the last day of the period.</param>
    /// <param name="sampleTasks">Tasks simulated per task model for mean tokens per task.</param>
    /// <remarks>
    /// Tasks of a feature are the mean tasks of each month (<see cref="FeatureTaskCost.Tasks"/>) times the
    /// share of the month's days inside the period. Means are used because they add across months and
    /// features, unlike percentiles. Within a month, regimes are weighted by their share of the month.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The branch is missing from the plan or the result, the period is empty, or it lies outside the horizon.
    /// </exception>
    public static PeriodFactors ForPeriod(
        SimulationPlan plan,
        ForecastResult result,
        string branch,
        DateOnly from,
        DateOnly until,
        int sampleTasks = DefaultSampleTasks)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleTasks, 1);
        var branchPlan = plan.Branches.FirstOrDefault(b => b.Name == branch)
            ?? throw new ArgumentException($"The plan has no branch '{branch}'.", nameof(branch));
        var forecast = result.Branches.FirstOrDefault(b => b.Name == branch)
            ?? throw new ArgumentException($"The forecast has no branch '{branch}'.", nameof(branch));
        var horizonEnd = result.FirstMonth.AddMonths(result.Months);
        if (until <= from || from < result.FirstMonth || until > horizonEnd)
        {
            throw new ArgumentException(
                $"The period {from:yyyy-MM-dd} to {until:yyyy-MM-dd} is empty or outside the horizon "
                + $"{result.FirstMonth:yyyy-MM-dd} to {horizonEnd:yyyy-MM-dd}.",
                nameof(until));
        }

        var tasksByMonth = forecast.CostPerTask.ToDictionary(cost => (cost.Feature, cost.Month), cost => cost.Tasks.Mean);
        var cells = new Dictionary<(string Feature, string Model), CellSum>();
        var samples = new Dictionary<string, IReadOnlyList<ModelShare>>(StringComparer.Ordinal);
        foreach (var feature in branchPlan.Features)
        {
            for (var month = 0; month < result.Months; month++)
            {
                var start = result.FirstMonth.AddMonths(month);
                var overlap = OverlapDays(start, start.AddMonths(1), from, until);
                if (overlap == 0 || !tasksByMonth.TryGetValue((feature.Id, start), out var monthTasks) || monthTasks <= 0)
                {
                    continue;
                }

                var segments = feature.Months[month];
                var shares = segments.Sum(segment => segment.ShareOfMonth);
                var daysInMonth = start.AddMonths(1).DayNumber - start.DayNumber;
                var periodTasks = (decimal)monthTasks * overlap / daysInMonth;
                foreach (var segment in segments)
                {
                    var regime = feature.Regimes[segment.Regime];
                    var key = ForecastEngine.PoolKey(feature, regime);
                    if (!samples.TryGetValue(key, out var split))
                    {
                        split = SampleTokens(regime.Model, StreamKey.Combine(result.Seed, StreamKey.Of("factors", key)), sampleTasks);
                        samples.Add(key, split);
                    }

                    var regimeTasks = periodTasks * (decimal)(segment.ShareOfMonth / shares);
                    foreach (var share in split)
                    {
                        var cell = GetOrAdd(cells, (feature.Id, share.Model.Prices.Model));
                        cell.Add(regimeTasks * share.TaskShare, share, regime.Model.Cache?.WriteTtl);
                    }
                }
            }
        }

        return PeriodFactors.FromCells(cells.Select(cell => cell.Value.ToCell(cell.Key.Feature, cell.Key.Model)));
    }

    /// <summary>
    /// Simulates tasks of <paramref name="model"/> with the engine's task simulator and returns, per
    /// model of the task's last call, its share of tasks and their mean tokens per bucket.
    /// </summary>
    /// <remarks>
    /// The simulator only adds up costs, so each bucket is read by pricing that bucket at 1 USD per token and
    /// the others at 0 (one pass per bucket, each replaying the same random streams). Token counts and
    /// random draws do not depend on prices, so the passes see the same tasks. A task escalated by a
    /// cascade counts in the strong model's cell with the tokens of both models, as actuals do.
    /// </remarks>
    internal static IReadOnlyList<ModelShare> SampleTokens(TaskModel model, ulong key, int sampleTasks)
    {
        var passes = new double[Buckets][];
        var escalated = new bool[sampleTasks];
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            var simulator = new TaskSimulator(Probe(model, bucket));
            var lines = new double[simulator.LineCount];
            var random = new StableRandom(0);
            passes[bucket] = new double[sampleTasks];
            for (var task = 0; task < sampleTasks; task++)
            {
                Array.Clear(lines);
                random.Reseed(StreamKey.Combine(key, (ulong)task));
                simulator.Simulate(random, lines);
                passes[bucket][task] = lines[0] + (model.Cascade is null ? 0 : lines[1]);
                escalated[task] |= model.Cascade is not null && lines[1] > 0;
            }
        }

        var shares = new List<ModelShare>();
        foreach (var (choice, isEscalated) in model.Cascade is null
            ? [(model.Model, false)]
            : new[] { (model.Cascade.Cheap, false), (model.Cascade.Strong, true) })
        {
            var count = 0;
            var sums = new double[Buckets];
            for (var task = 0; task < sampleTasks; task++)
            {
                if (escalated[task] != isEscalated)
                {
                    continue;
                }

                count++;
                for (var bucket = 0; bucket < Buckets; bucket++)
                {
                    sums[bucket] += passes[bucket][task];
                }
            }

            if (count > 0)
            {
                var perTask = new TokenAmounts(
                    (decimal)(sums[UncachedInput] / count),
                    (decimal)(sums[CacheRead] / count),
                    (decimal)(sums[CacheWrite] / count),
                    (decimal)(sums[Output] / count));
                shares.Add(new ModelShare(choice, (decimal)count / sampleTasks, perTask));
            }
        }

        return shares;
    }

    /// <summary>Returns the base-tier bucket prices of a model choice in USD per million tokens.</summary>
    /// <remarks>
    /// NOTE: long-context tiers, per-request fees, a reasoning price that differs from the output price and
    /// the plan's price trends are left out, so the forecast spend of a cell can differ from the engine's.
    /// </remarks>
    internal static BucketPrices PricesOf(ModelChoice choice, CacheWriteTtl? writeTtl)
    {
        var tier = choice.Prices.Tiers[0];
        var write = writeTtl == CacheWriteTtl.OneHour ? tier.CacheWrite1Hour : tier.CacheWrite5Minutes;
        return new BucketPrices(PerMillion(tier.UncachedInput), PerMillion(tier.CacheRead), PerMillion(write), PerMillion(tier.Output));
    }

    // A per-token double times 10^6 can carry binary noise in its last digits. Rounding to nine decimals
    // per million tokens removes it and keeps prices such as 0.075 or 1.25 USD exact.
    private static decimal PerMillion(double perToken) => Math.Round((decimal)(perToken * 1_000_000), 9);

    private static TaskModel Probe(TaskModel model, int bucket)
    {
        var tier = new CallPriceTier(
            0,
            bucket == UncachedInput ? 1 : 0,
            bucket == CacheRead ? 1 : 0,
            bucket == CacheWrite ? 1 : 0,
            bucket == CacheWrite ? 1 : 0,
            bucket == Output ? 1 : 0,
            bucket == Output ? 1 : 0);
        ModelChoice Priced(ModelChoice choice) => choice with { Prices = new CallPrices(choice.Prices.Model, [tier]) };
        return model with
        {
            Model = Priced(model.Model),
            Cascade = model.Cascade is not { } cascade ? null
                : cascade.EscalationRate is { } rate ? CascadeRouting.WithRate(Priced(cascade.Cheap), Priced(cascade.Strong), rate)
                : CascadeRouting.WithThreshold(Priced(cascade.Cheap), Priced(cascade.Strong), cascade.Confidence!, cascade.Threshold),
        };
    }

    private static int OverlapDays(DateOnly start, DateOnly end, DateOnly from, DateOnly until)
    {
        var first = start > from ? start : from;
        var last = end < until ? end : until;
        return Math.Max(0, last.DayNumber - first.DayNumber);
    }

    private static CellSum GetOrAdd(Dictionary<(string, string), CellSum> cells, (string, string) key)
    {
        if (!cells.TryGetValue(key, out var cell))
        {
            cell = new CellSum();
            cells.Add(key, cell);
        }

        return cell;
    }

    /// <summary>Tasks whose last call goes to one model, as a share of all tasks, with their mean tokens.</summary>
    internal sealed record ModelShare(ModelChoice Model, decimal TaskShare, TokenAmounts TokensPerTask);

    // Sums tasks and tokens of one cell over regimes and months. Prices that differ between regimes are
    // averaged weighted by each bucket's tokens, so tokens times the averaged price keeps the spend.
    private sealed class CellSum
    {
        private readonly decimal[] _tokens = new decimal[Buckets];
        private readonly decimal[] _spend = new decimal[Buckets];
        private readonly decimal[] _lastPrice = new decimal[Buckets];
        private decimal _tasks;

        public void Add(decimal tasks, ModelShare share, CacheWriteTtl? writeTtl)
        {
            var prices = PricesOf(share.Model, writeTtl);
            decimal[] perTask =
            [
                share.TokensPerTask.UncachedInput, share.TokensPerTask.CacheRead,
                share.TokensPerTask.CacheWrite, share.TokensPerTask.Output,
            ];
            decimal[] price =
            [
                prices.UncachedInputPerMillionTokens, prices.CacheReadPerMillionTokens,
                prices.CacheWritePerMillionTokens, prices.OutputPerMillionTokens,
            ];
            _tasks += tasks;
            for (var bucket = 0; bucket < Buckets; bucket++)
            {
                _tokens[bucket] += tasks * perTask[bucket];
                _spend[bucket] += tasks * perTask[bucket] * price[bucket];
                _lastPrice[bucket] = price[bucket];
            }
        }

        public CellFactors ToCell(string feature, string model)
        {
            var price = new decimal[Buckets];
            for (var bucket = 0; bucket < Buckets; bucket++)
            {
                price[bucket] = _tokens[bucket] == 0 ? _lastPrice[bucket] : _spend[bucket] / _tokens[bucket];
            }

            return new CellFactors(
                feature,
                model,
                _tasks,
                new TokenAmounts(_tokens[UncachedInput], _tokens[CacheRead], _tokens[CacheWrite], _tokens[Output]),
                new BucketPrices(price[UncachedInput], price[CacheRead], price[CacheWrite], price[Output]));
        }
    }
}
