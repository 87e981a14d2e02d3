using System.Globalization;
using Spectre.Console;
using Tokencast.Core;
using Tokencast.Core.Actuals;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Pricing;
using Tokencast.Core.Simulation;
using Tokencast.Core.Variance;

namespace Tokencast.Cli.Commands;

/// <summary>
/// The closed period between two reforecast cut-offs: actual against the previous version's forecast,
/// explained by the five Shapley parts, and the weeks whose actual spend fell outside the band.
/// </summary>
internal static class VarianceReport
{
    /// <summary>Percentiles a band stores, so the only values --alert-low and --alert-high accept.</summary>
    public static readonly int[] BandPercentiles = [5, 10, 50, 90, 95];

    /// <summary>
    /// Prints the variance explained and the alerts of the period [previous cut-off, <paramref name="until"/>)
    /// and returns the alerts. Writes each alert to <paramref name="error"/> as <c>alert: ...</c>.
    /// </summary>
    public static IReadOnlyList<SpendAlert> Write(
        IAnsiConsole console, TextWriter error, ForecastVersion previous, ActualsStore store, PriceCatalog catalog,
        DateOnly until, AlertSettings settings)
    {
        var result = previous.ReadResult();
        var from = previous.CutOff!.Value;
        var horizonEnd = result.FirstMonth.AddMonths(result.Months);
        if (from < result.FirstMonth || until > horizonEnd || from >= until)
        {
            console.WriteLine($"variance: the period {Date(from)} to {Date(until)} is not inside the horizon of version "
                + $"{previous.Number} ({Date(result.FirstMonth)} to {Date(horizonEnd)}); nothing explained");
            return [];
        }

        var forecast = result.Branches.FirstOrDefault(branch => branch.Name == settings.Branch);
        if (forecast is null)
        {
            throw new InvalidInputException(new InputProblem(null, null, "--branch", settings.Branch,
                $"version {previous.Number} has no such branch; use one of {string.Join(", ", result.Branches.Select(b => b.Name))}"));
        }

        var plan = previous.Inputs.Scenario.Compile([settings.Branch]);
        var calls = store.ReadUsage(Utc(from), Utc(until));
        var tasks = TaskActuals.FromCalls(calls);
        var prices = PricesByModel(catalog, tasks.Select(task => task.Model), from);
        var priced = tasks.Where(task => prices.ContainsKey(task.Model)).ToList();
        if (priced.Count < tasks.Count)
        {
            console.WriteLine($"variance: {tasks.Count - priced.Count:N0} tasks left out because the catalog has no price "
                + $"for their model ({string.Join(", ", tasks.Select(t => t.Model).Where(m => !prices.ContainsKey(m)).Distinct())})");
        }

        WriteExplanation(console, previous, plan, result, settings, from, until, priced, prices);
        WriteBilledGap(console, calls, store.ReadBilled(Utc(from), Utc(until)));
        return WriteAlerts(console, error, previous, plan, result, forecast, settings, from, until, priced, prices);
    }

    private static void WriteExplanation(
        IAnsiConsole console, ForecastVersion previous, SimulationPlan plan, ForecastResult result, AlertSettings settings,
        DateOnly from, DateOnly until, List<TaskActual> tasks, Dictionary<string, BucketPrices> prices)
    {
        var title = $"actual against version {previous.Number}, {Date(from)} to {Date(until.AddDays(-1))}, branch {settings.Branch}";
        var explanation = Explain(plan, result, settings, from, until, tasks, prices);
        if (explanation is null)
        {
            console.WriteLine($"{title}: no tasks on one side, nothing to explain");
            return;
        }

        var table = new Table()
            .Title($"{title} (USD; Shapley value over the five factors, the parts add up to actual - forecast)")
            .AddColumn("feature");
        foreach (var heading in new[] { "forecast", "actual", "difference", "volume", "mix", "tokens/task", "unit price", "cache hit" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var (feature, parts) in explanation.Features)
        {
            table.AddRow([Markup.Escape(feature), .. Cells(parts)]);
        }

        table.AddRow(["total", .. Cells(explanation.Total)]);
        console.Write(table);
    }

    private static void WriteBilledGap(IAnsiConsole console, IReadOnlyList<UsageActual> calls, IReadOnlyList<BilledActual> bills)
    {
        var billedUsd = bills.Where(bill => bill.BillingCurrency == "USD").ToList();
        if (billedUsd.Count == 0)
        {
            return;
        }

        var estimated = calls.Sum(call => call.EstimatedCostUsd ?? 0m);
        var billed = billedUsd.Sum(bill => bill.BilledCost);
        console.WriteLine($"estimated (tokens x catalog) {Usd(estimated)}, billed (FOCUS) {Usd(billed)}, "
            + $"billed - estimated {Usd(billed - estimated)}");
    }

    private static List<SpendAlert> WriteAlerts(
        IAnsiConsole console, TextWriter error, ForecastVersion previous, SimulationPlan plan, ForecastResult result,
        BranchForecast forecast, AlertSettings settings, DateOnly from, DateOnly until, List<TaskActual> tasks,
        Dictionary<string, BucketPrices> prices)
    {
        var alerts = new List<SpendAlert>();
        var monday = from.AddDays((7 - (((int)from.DayOfWeek + 6) % 7)) % 7);
        var table = new Table().Title($"weekly estimated spend against the P{settings.Low}..P{settings.High} band of version {previous.Number}")
            .AddColumn("week").AddColumn(new TableColumn("actual").RightAligned())
            .AddColumn(new TableColumn($"P{settings.Low}").RightAligned()).AddColumn(new TableColumn($"P{settings.High}").RightAligned())
            .AddColumn("status");
        for (var week = monday; week.AddDays(7) <= until; week = week.AddDays(7))
        {
            var end = week.AddDays(7);
            var weekTasks = tasks.Where(task => task.Date >= week && task.Date < end).ToList();
            var actual = weekTasks.Count == 0 ? 0m : PeriodFactors.FromActuals(weekTasks, prices).SpendUsd;
            var low = WeekQuantile(forecast.Total, week, settings.Low);
            var high = WeekQuantile(forecast.Total, week, settings.High);
            var direction = actual > (decimal)high ? "above" : actual < (decimal)low ? "below" : null;
            table.AddRow(IsoWeek(week), Usd(actual), Usd((decimal)low), Usd((decimal)high), direction ?? "in band");
            if (direction is null)
            {
                continue;
            }

            var bound = direction == "above" ? $"P{settings.High} {Usd((decimal)high)}" : $"P{settings.Low} {Usd((decimal)low)}";
            var message = $"week {IsoWeek(week)} ({Date(week)} to {Date(end.AddDays(-1))}): actual estimated spend {Usd(actual)} "
                + $"is {direction} {bound} of version {previous.Number}, branch {settings.Branch}";
            var explanation = Explain(plan, result, settings, week, end, weekTasks, prices);
            if (explanation is not null)
            {
                message += "; features: " + MovedFeatures(explanation) + "; parts: " + MovedParts(explanation.Total);
            }

            alerts.Add(new SpendAlert(week, end, settings.Branch, actual, low, high, direction, message));
        }

        console.Write(table);
        foreach (var alert in alerts)
        {
            console.WriteLine("ALERT " + alert.Message);
            error.WriteLine("alert: " + alert.Message);
        }

        return alerts;
    }

    /// <summary>
    /// Scales the monthly band of each month the week touches by the share of the month's days in the week.
    /// </summary>
    /// <remarks>
    /// Scaling a quantile by a share is exact only when the week's spend is that share of the month's in every
    /// trial. Trial-level draws (users, adoption, prices) move every week of a month together, which this
    /// assumes, but task-level noise spreads a week relatively more than a month, so the band is too narrow
    /// and out-of-band weeks are raised more often than the nominal rate, mostly for small volumes.
    /// </remarks>
    private static double WeekQuantile(SeriesBands total, DateOnly week, int percentile)
    {
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

    private static double Quantile(Band band, int percentile) => percentile switch
    {
        5 => band.P5,
        10 => band.P10,
        50 => band.P50,
        90 => band.P90,
        95 => band.P95,
        _ => throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A band stores P5, P10, P50, P90 and P95."),
    };

    private static VarianceExplanation? Explain(
        SimulationPlan plan, ForecastResult result, AlertSettings settings, DateOnly from, DateOnly until,
        List<TaskActual> tasks, Dictionary<string, BucketPrices> prices)
    {
        var forecast = ForecastFactors.ForPeriod(plan, result, settings.Branch, from, until, settings.SampleTasks);
        var actual = PeriodFactors.FromActuals(tasks, prices);
        return forecast.TotalTasks == 0 || actual.TotalTasks == 0 ? null : VarianceDecomposition.Explain(forecast, actual);
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

    /// <summary>
    /// Returns the base-tier standard prices of each model on <paramref name="date"/>, per million tokens,
    /// leaving out models the catalog does not have.
    /// </summary>
    private static Dictionary<string, BucketPrices> PricesByModel(PriceCatalog catalog, IEnumerable<string> models, DateOnly date)
    {
        var prices = new Dictionary<string, BucketPrices>(StringComparer.Ordinal);
        foreach (var model in models.Distinct())
        {
            if (!catalog.Contains(model))
            {
                continue;
            }

            var resolved = catalog.Resolve(model, date);
            decimal PerMillion(TokenBucket bucket) =>
                resolved.TryGetPricePerToken(resolved.Tiers[0], ServiceTier.Standard, bucket, out var price) ? price * 1_000_000m : 0m;
            prices.Add(model, new BucketPrices(
                PerMillion(TokenBucket.UncachedInput),
                PerMillion(TokenBucket.CacheRead),
                PerMillion(TokenBucket.CacheWrite5Minutes),
                PerMillion(TokenBucket.Output)));
        }

        return prices;
    }

    private static string[] Cells(VarianceParts parts) =>
    [
        Usd(parts.ForecastUsd), Usd(parts.ActualUsd), SignedUsd(parts.DifferenceUsd), SignedUsd(parts.VolumeUsd),
        SignedUsd(parts.MixUsd), SignedUsd(parts.TokensPerTaskUsd), SignedUsd(parts.UnitPriceUsd), SignedUsd(parts.CacheHitRateUsd),
    ];

    private static DateTimeOffset Utc(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string IsoWeek(DateOnly monday) => string.Create(
        CultureInfo.InvariantCulture,
        $"{ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):D2}");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Usd(decimal value) => "$" + value.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string SignedUsd(decimal value) => value.ToString("+$#,0.00;-$#,0.00;$0.00", CultureInfo.InvariantCulture);
}
