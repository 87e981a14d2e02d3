using Tokencast.Core.Randomness;
using Tokencast.Core.Variance;

namespace Tokencast.Core.Tests.Variance;

public class VarianceDecompositionTests
{
    // 3 USD per million uncached input, 0.30 cache read, 3.75 cache write, 15 output.
    private static readonly BucketPrices Prices = new(3m, 0.30m, 3.75m, 15m);

    // 1,000 uncached input and 500 output per task: 1,000 x 3 + 500 x 15 = 10,500 per million, 0.0105 USD.
    private static readonly TokenAmounts ChatTask = new(1_000m, 0m, 0m, 500m);

    private static CellFactors Cell(
        string feature, decimal tasks, TokenAmounts? perTask = null, BucketPrices? prices = null, string model = "m") =>
        CellFactors.FromTokensPerTask(feature, model, tasks, perTask ?? ChatTask, prices ?? Prices);

    private static PeriodFactors Period(params CellFactors[] cells) => PeriodFactors.FromCells(cells);

    private static decimal SumOfParts(VarianceParts parts) =>
        parts.VolumeUsd + parts.MixUsd + parts.TokensPerTaskUsd + parts.UnitPriceUsd + parts.CacheHitRateUsd;

    [Fact]
    public void Explain_OnlyVolumeChanges_AllInVolume()
    {
        // Tasks double in both cells, shares stay 2/3 and 1/3: 150 x 0.0105 = 1.575 to 300 x 0.0105 = 3.15.
        var forecast = Period(Cell("chat", 100m), Cell("search", 50m));
        var actual = Period(Cell("chat", 200m), Cell("search", 100m));

        var result = VarianceDecomposition.Explain(forecast, actual);

        Assert.Equal(1.575m, result.ForecastUsd);
        Assert.Equal(3.15m, result.ActualUsd);
        Assert.Equal(1.575m, result.VolumeUsd);
        Assert.Equal(0m, result.MixUsd);
        Assert.Equal(0m, result.TokensPerTaskUsd);
        Assert.Equal(0m, result.UnitPriceUsd);
        Assert.Equal(0m, result.CacheHitRateUsd);
    }

    [Fact]
    public void Explain_OnlyPriceChanges_AllInUnitPrice()
    {
        // Output price 15 to 30: per task 10,500 to 1,000 x 3 + 500 x 30 = 18,000 per million.
        // 100 tasks: 1.05 to 1.80, so 0.75 in unit price.
        var forecast = Period(Cell("chat", 100m));
        var actual = Period(Cell("chat", 100m, prices: Prices with { OutputPerMillionTokens = 30m }));

        var result = VarianceDecomposition.Explain(forecast, actual);

        Assert.Equal(0.75m, result.UnitPriceUsd);
        Assert.Equal(0m, result.VolumeUsd);
        Assert.Equal(0m, result.MixUsd);
        Assert.Equal(0m, result.TokensPerTaskUsd);
        Assert.Equal(0m, result.CacheHitRateUsd);
    }

    [Fact]
    public void Explain_OnlyCacheHitRateChanges_AllInCacheHitRate()
    {
        // 1,000 input per task, no output. Hit rate 0: 1,000 x 3 = 3,000 per million. Hit rate 0.5:
        // 500 x 3 + 500 x 0.30 = 1,650. 100 tasks: 0.30 to 0.165, so -0.135.
        var forecast = Period(Cell("chat", 100m, new TokenAmounts(1_000m, 0m, 0m, 0m)));
        var actual = Period(Cell("chat", 100m, new TokenAmounts(500m, 500m, 0m, 0m)));

        var result = VarianceDecomposition.Explain(forecast, actual);

        Assert.Equal(-0.135m, result.CacheHitRateUsd);
        Assert.Equal(0m, result.TokensPerTaskUsd);
        Assert.Equal(0m, result.UnitPriceUsd);
    }

    [Fact]
    public void Explain_VolumeAndPriceChange_InteractionSplitInHalf()
    {
        // Tasks 100 to 200 and all prices doubled, so 0.0105 to 0.021 USD per task.
        // Spend: both forecast 1.05; volume only 2.10; price only 2.10; both 4.20.
        // Volume: (2.10 - 1.05 + 4.20 - 2.10) / 2 = 1.575, and price the same by symmetry. The
        // interaction 4.20 - 2.10 - 2.10 + 1.05 = 1.05 goes half to each.
        var forecast = Period(Cell("chat", 100m));
        var actual = Period(Cell("chat", 200m, prices: new BucketPrices(6m, 0.60m, 7.50m, 30m)));

        var result = VarianceDecomposition.Explain(forecast, actual);

        Assert.Equal(1.575m, result.VolumeUsd);
        Assert.Equal(1.575m, result.UnitPriceUsd);
        Assert.Equal(0m, result.MixUsd);
        Assert.Equal(0m, result.TokensPerTaskUsd);
    }

    [Fact]
    public void Explain_NewFeature_SplitBetweenVolumeAndMix()
    {
        // Forecast: chat 100 tasks at 0.01 = 1.00. Actual: chat the same, and a new feature, agent,
        // with 100 tasks at 0.02 = 2.00, so V goes 100 to 200 and spend rises by 2.00.
        // Chat spend by (volume side, mix side): FF 1.00, AF 2.00, FA 0.50, AA 1.00.
        //   volume (2.00 - 1.00 + 1.00 - 0.50) / 2 = 0.75, mix (0.50 - 1.00 + 1.00 - 2.00) / 2 = -0.75.
        // Agent spend: FF 0, AF 0, FA 1.00, AA 2.00.
        //   volume (0 + 2.00 - 1.00) / 2 = 0.50, mix (1.00 + 2.00) / 2 = 1.50.
        // Output at 10 USD per million: 1,000 output tokens cost 0.01 and 2,000 cost 0.02.
        var outputOnly = new BucketPrices(0m, 0m, 0m, 10m);
        var chat = new TokenAmounts(0m, 0m, 0m, 1_000m);
        var forecast = Period(Cell("chat", 100m, chat, outputOnly));
        var actual = Period(
            Cell("chat", 100m, chat, outputOnly),
            Cell("agent", 100m, new TokenAmounts(0m, 0m, 0m, 2_000m), outputOnly));

        var result = VarianceDecomposition.Explain(forecast, actual);

        Assert.Equal(0.75m, Math.Round(result.Features["chat"].VolumeUsd, 12));
        Assert.Equal(-0.75m, Math.Round(result.Features["chat"].MixUsd, 12));
        Assert.Equal(0.50m, Math.Round(result.Features["agent"].VolumeUsd, 12));
        Assert.Equal(1.50m, Math.Round(result.Features["agent"].MixUsd, 12));
        Assert.Equal(0m, result.Features["agent"].ForecastUsd);
        Assert.Equal(2.00m, result.Total.DifferenceUsd);
        Assert.Equal(1.25m, result.VolumeUsd);
        Assert.Equal(0.75m, result.MixUsd);
    }

    [Fact]
    public void Explain_RandomPeriods_PartsSumExactly()
    {
        // Random cells with fractional tasks, tokens and prices, some on one side only, fixed seed.
        var random = new StableRandom(42);
        for (var round = 0; round < 200; round++)
        {
            var forecast = RandomPeriod(random);
            var actual = RandomPeriod(random);

            var result = VarianceDecomposition.Explain(forecast, actual);

            Assert.Equal(result.ActualUsd - result.ForecastUsd, SumOfParts(result.Total));
            Assert.Equal(forecast.SpendUsd, result.ForecastUsd);
            Assert.Equal(actual.SpendUsd, result.ActualUsd);
            foreach (var parts in result.Features.Values)
            {
                Assert.Equal(parts.DifferenceUsd, SumOfParts(parts));
            }
        }
    }

    [Fact]
    public void Explain_SidesSwapped_EveryPartNegated()
    {
        var random = new StableRandom(7);
        for (var round = 0; round < 50; round++)
        {
            var first = RandomPeriod(random);
            var second = RandomPeriod(random);

            var forward = VarianceDecomposition.Explain(first, second);
            var backward = VarianceDecomposition.Explain(second, first);

            Assert.Equal(forward.VolumeUsd, -backward.VolumeUsd);
            Assert.Equal(forward.MixUsd, -backward.MixUsd);
            Assert.Equal(forward.TokensPerTaskUsd, -backward.TokensPerTaskUsd);
            Assert.Equal(forward.UnitPriceUsd, -backward.UnitPriceUsd);
            Assert.Equal(forward.CacheHitRateUsd, -backward.CacheHitRateUsd);
        }
    }

    [Fact]
    public void FromActuals_Tasks_SpendIsTokensTimesPrices()
    {
        // Two chat tasks on model m: tokens (1,000, 0, 0, 500) each, 10,500 per million per task, 0.021.
        // One agent task: 2,000 cache read x 0.30 + 100 cache write x 3.75 = 975 per million, 0.000975.
        var day = new DateOnly(2025, 3, 3);
        var tasks = new[]
        {
            new TaskActual("chat", day, 1, "m", false, new TokenCounts(1_000, 0, 0, 500), 0.0105m, true),
            new TaskActual("chat", day, 1, "m", false, new TokenCounts(1_000, 0, 0, 500), 0m, false),
            new TaskActual("agent", day, 4, "m", true, new TokenCounts(0, 2_000, 100, 0), 0.000975m, true),
        };

        var period = PeriodFactors.FromActuals(tasks, new Dictionary<string, BucketPrices> { ["m"] = Prices });

        Assert.Equal(3m, period.TotalTasks);
        Assert.Equal(0.021975m, period.SpendUsd);
        Assert.Equal("agent", period.Cells[0].Feature);
    }

    [Fact]
    public void FromActuals_ModelWithoutPrices_Throws()
    {
        var task = new TaskActual("chat", new DateOnly(2025, 3, 3), 1, "unknown-model", false, default, 0m, true);

        var error = Assert.Throws<ArgumentException>(
            () => PeriodFactors.FromActuals([task], new Dictionary<string, BucketPrices>()));

        Assert.Contains("unknown-model", error.Message, StringComparison.Ordinal);
    }

    private static PeriodFactors RandomPeriod(StableRandom random)
    {
        string[] features = ["chat", "search", "agent"];
        string[] models = ["small", "large"];
        var cells = new List<CellFactors>();
        foreach (var feature in features)
        {
            foreach (var model in models)
            {
                if (random.NextDouble() < 0.3)
                {
                    continue;
                }

                var perTask = new TokenAmounts(
                    RandomDecimal(random, 5_000), RandomDecimal(random, 5_000), RandomDecimal(random, 500),
                    RandomDecimal(random, 2_000));
                var prices = new BucketPrices(
                    RandomDecimal(random, 10), RandomDecimal(random, 1), RandomDecimal(random, 12),
                    RandomDecimal(random, 60));
                cells.Add(Cell(feature, 1m + RandomDecimal(random, 10_000), perTask, prices, model));
            }
        }

        // Keep at least one cell so the period has tasks.
        if (cells.Count == 0)
        {
            cells.Add(Cell("chat", 1m));
        }

        return PeriodFactors.FromCells(cells);
    }

    // A value in [0, max) with up to 3 decimal places.
    private static decimal RandomDecimal(StableRandom random, int max) => random.Next(max * 1_000) / 1_000m;

    [Fact]
    public void FromActuals_PriceChange_PricesByTaskDay()
    {
        // 1M uncached tokens at $1/M on the 3rd ($1) and 3M at $2/M on the 4th ($6): $7 for 4M tokens,
        // a mean price of $1.75/M. A single price for the period would give $4 or $8.
        var third = new DateOnly(2025, 3, 3);
        var tasks = new[]
        {
            new TaskActual("chat", third, 1, "m", false, new TokenCounts(1_000_000, 0, 0, 0), 1m, true),
            new TaskActual("chat", third.AddDays(1), 1, "m", false, new TokenCounts(3_000_000, 0, 0, 0), 6m, true),
        };

        var period = PeriodFactors.FromActuals(tasks, (_, date) => new BucketPrices(date == third ? 1m : 2m, 0m, 0m, 0m));

        var cell = Assert.Single(period.Cells);
        Assert.Equal(7m, period.SpendUsd);
        Assert.Equal(1.75m, cell.Prices.UncachedInputPerMillionTokens);
    }
}
