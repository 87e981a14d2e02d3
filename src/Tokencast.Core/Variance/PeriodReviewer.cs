using System.Globalization;
using Tokencast.Core.Actuals;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Pricing;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Variance;

/// <summary>
/// Reviews the closed period from a version's cut-off to a later date: explains the actual spend against
/// that version's forecast and checks each whole week against its band.
/// </summary>
public static class PeriodReviewer
{
    /// <summary>
    /// Reviews the period [<paramref name="previous"/>'s cut-off, <paramref name="until"/>) with the usage and
    /// bills in <paramref name="store"/>, pricing actual tokens with <paramref name="catalog"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">The previous version has no branch named in the settings.</exception>
    public static PeriodReview Review(
        ForecastVersion previous, ActualsStore store, PriceCatalog catalog, DateOnly until, ReviewSettings settings)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        var from = previous.CutOff ?? throw new ArgumentException("The version has no cut-off, so no period closes after it.", nameof(previous));
        var result = previous.ReadResult();
        var forecast = result.Branches.FirstOrDefault(branch => branch.Name == settings.Branch)
            ?? throw new InvalidInputException(new InputProblem(null, null, "--branch", settings.Branch,
                $"version {previous.Number} has no such branch; use one of {string.Join(", ", result.Branches.Select(b => b.Name))}"));

        var calls = store.ReadUsage(Utc(from), Utc(until));
        // A bill counts when it is in USD and its charge period starts in the period. Other bills that touch the
        // period are counted as left out, so the billed figure never drops rows silently.
        var touching = store.ReadBilled()
            .Where(bill => bill.ChargePeriodStart < Utc(until) && bill.ChargePeriodEnd > Utc(from)).ToList();
        var bills = touching.Where(bill => bill.BillingCurrency == "USD"
            && bill.ChargePeriodStart >= Utc(from) && bill.ChargePeriodStart < Utc(until)).ToList();
        var billsLeftOut = touching.Count - bills.Count;
        var estimated = calls.Sum(call => call.EstimatedCostUsd ?? 0m);
        decimal? billed = bills.Count == 0 ? null : bills.Sum(bill => bill.BilledCost);
        var horizonEnd = result.FirstMonth.AddMonths(result.Months);
        if (from < result.FirstMonth || until > horizonEnd || from >= until)
        {
            var reason = $"the period {Date(from)} to {Date(until)} is not inside the horizon of version {previous.Number} "
                + $"({Date(result.FirstMonth)} to {Date(horizonEnd)})";
            return new PeriodReview(previous.Number, settings.Branch, settings.Low, settings.High, from, until, reason, null,
                [], [], 0, [], estimated, billed) { BilledRowsLeftOut = billsLeftOut };
        }

        var plan = previous.Inputs.Scenario.Compile([settings.Branch]);
        var tasks = TaskActuals.FromCalls(calls);
        var priced = tasks.Where(task => catalog.Contains(task.Model)).ToList();
        var unpriced = tasks.Select(task => task.Model).Where(model => !catalog.Contains(model))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        var context = new Context(previous, plan, result, forecast, settings, (model, date) => PricesOn(catalog, model, date));
        var explanation = context.Explain(from, until, priced);
        var weeks = new List<WeekCheck>();
        var alerts = new List<SpendAlert>();
        var monday = from.AddDays((7 - (((int)from.DayOfWeek + 6) % 7)) % 7);
        for (var week = monday; week.AddDays(7) <= until; week = week.AddDays(7))
        {
            var (check, alert) = context.CheckWeek(week, priced);
            weeks.Add(check);
            if (alert is not null)
            {
                alerts.Add(alert);
            }
        }

        return new PeriodReview(previous.Number, settings.Branch, settings.Low, settings.High, from, until,
            explanation is null ? "no tasks on one side, nothing to explain" : null, explanation, weeks, alerts,
            tasks.Count - priced.Count, unpriced, estimated, billed) { BilledRowsLeftOut = billsLeftOut };
    }

    /// <summary>
    /// Scales the monthly band of each month the week touches by the share of the month's days in the week.
    /// </summary>
    /// <remarks>
    /// Scaling a quantile by a share is exact only when the week's spend is that share of the month's in every
    /// trial. Trial-level draws (users, adoption, prices) move every week of a month together, as this assumes.
    /// Task-level noise, however, spreads a week relatively more than a month. The band is therefore too
    /// narrow, and out-of-band weeks are raised more often than the nominal rate, mostly for small volumes.
    /// </remarks>
    public static double WeekQuantile(SeriesBands total, DateOnly week, int percentile)
    {
        ArgumentNullException.ThrowIfNull(total);
        var sum = 0.0;
        foreach (var month in total.Monthly)
        {
            var next = month.Month.AddMonths(1);
            var first = week > month.Month ? week : month.Month;
            var last = week.AddDays(7) < next ? week.AddDays(7) : next;
            var days = last.DayNumber - first.DayNumber;
            if (days > 0)
            {
                sum += Quantile(month.Band, percentile) * days / (next.DayNumber - month.Month.DayNumber);
            }
        }

        return sum;
    }

    /// <summary>Returns the ISO week of a Monday as <c>2026-W03</c>.</summary>
    public static string IsoWeek(DateOnly monday) => string.Create(
        CultureInfo.InvariantCulture,
        $"{ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):D2}");

    private static double Quantile(Band band, int percentile) => percentile switch
    {
        5 => band.P5,
        10 => band.P10,
        50 => band.P50,
        90 => band.P90,
        95 => band.P95,
        _ => throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A band stores P5, P10, P50, P90 and P95."),
    };

    /// <summary>
    /// Returns the base-tier standard prices of <paramref name="model"/> on <paramref name="date"/>, per million
    /// tokens, so that each task is priced at the catalog of its own day.
    /// </summary>
    private static BucketPrices PricesOn(PriceCatalog catalog, string model, DateOnly date)
    {
        var resolved = catalog.Resolve(model, date);
        decimal PerMillion(TokenBucket bucket) =>
            resolved.TryGetPricePerToken(resolved.Tiers[0], ServiceTier.Standard, bucket, out var price) ? price * 1_000_000m : 0m;
        return new BucketPrices(
            PerMillion(TokenBucket.UncachedInput),
            PerMillion(TokenBucket.CacheRead),
            PerMillion(TokenBucket.CacheWrite5Minutes),
            PerMillion(TokenBucket.Output));
    }

    // The three features whose actual spend moved most against their forecast, largest move first.
    private static string MovedFeatures(VarianceExplanation explanation) => string.Join(", ", explanation.Features
        .OrderByDescending(feature => Math.Abs(feature.Value.DifferenceUsd))
        .ThenBy(feature => feature.Key, StringComparer.Ordinal)
        .Take(3)
        .Select(feature => $"{feature.Key} {SignedUsd(feature.Value.DifferenceUsd)}"));

    // Parts that carry at least a tenth of the largest part, largest first.
    private static string MovedParts(VarianceParts parts)
    {
        (string Name, decimal Usd)[] named =
        [
            ("volume", parts.VolumeUsd), ("mix", parts.MixUsd), ("tokens per task", parts.TokensPerTaskUsd),
            ("unit price", parts.UnitPriceUsd), ("cache hit rate", parts.CacheHitRateUsd),
        ];
        var largest = named.Max(part => Math.Abs(part.Usd));
        return string.Join(", ", named
            .Where(part => part.Usd != 0 && Math.Abs(part.Usd) >= largest / 10)
            .OrderByDescending(part => Math.Abs(part.Usd))
            .Select(part => $"{part.Name} {SignedUsd(part.Usd)}"));
    }

    private static DateTimeOffset Utc(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Usd(decimal value) => "$" + value.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string SignedUsd(decimal value) => value.ToString("+$#,0.00;-$#,0.00;$0.00", CultureInfo.InvariantCulture);

    /// <summary>What every week of one review shares.</summary>
    private sealed record Context(
        ForecastVersion Previous, SimulationPlan Plan, ForecastResult Result, BranchForecast Forecast, ReviewSettings Settings,
        Func<string, DateOnly, BucketPrices> PriceOn)
    {
        public VarianceExplanation? Explain(DateOnly from, DateOnly until, List<TaskActual> tasks)
        {
            var forecast = ForecastFactors.ForPeriod(Plan, Result, Settings.Branch, from, until, Settings.SampleTasks);
            var actual = PeriodFactors.FromActuals(tasks, PriceOn);
            return forecast.TotalTasks == 0 || actual.TotalTasks == 0 ? null : VarianceDecomposition.Explain(forecast, actual);
        }

        public (WeekCheck Check, SpendAlert? Alert) CheckWeek(DateOnly week, List<TaskActual> tasks)
        {
            var end = week.AddDays(7);
            var weekTasks = tasks.Where(task => task.Date >= week && task.Date < end).ToList();
            var actual = weekTasks.Count == 0 ? 0m : PeriodFactors.FromActuals(weekTasks, PriceOn).SpendUsd;
            var low = WeekQuantile(Forecast.Total, week, Settings.Low);
            var high = WeekQuantile(Forecast.Total, week, Settings.High);
            var direction = actual > (decimal)high ? "above" : actual < (decimal)low ? "below" : null;
            var check = new WeekCheck(week, end, actual, low, high, direction ?? "in band");
            if (direction is null)
            {
                return (check, null);
            }

            var bound = direction == "above" ? $"P{Settings.High} {Usd((decimal)high)}" : $"P{Settings.Low} {Usd((decimal)low)}";
            var message = $"week {IsoWeek(week)} ({Date(week)} to {Date(end.AddDays(-1))}): actual estimated spend {Usd(actual)} "
                + $"is {direction} {bound} of version {Previous.Number}, branch {Settings.Branch}";
            if (Explain(week, end, weekTasks) is { } explanation)
            {
                message += "; features: " + MovedFeatures(explanation) + "; parts: " + MovedParts(explanation.Total);
            }

            return (check, new SpendAlert(week, end, Settings.Branch, actual, low, high, direction, message));
        }
    }
}
