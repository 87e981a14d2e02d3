using System.Globalization;
using System.Text.Json;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Reads the JSON that <see cref="BandsJsonWriter"/> writes back into a <see cref="ForecastResult"/>.
/// Writing the result again gives the same bytes, because the writer prints the shortest text that
/// round-trips each double. A null number (NaN or infinity when written) reads back as NaN.
/// </summary>
public static class BandsJsonReader
{
    /// <summary>Parses a whole bands.json document.</summary>
    /// <exception cref="JsonException">The text is not JSON or lacks a property the writer always writes.</exception>
    public static ForecastResult Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        try
        {
            return new ForecastResult(
                root.GetProperty("scenario").GetString()!,
                Month(root.GetProperty("first_month")),
                root.GetProperty("months").GetInt32(),
                root.GetProperty("trials").GetInt32(),
                root.GetProperty("seed").GetUInt64(),
                [.. root.GetProperty("branches").EnumerateArray().Select(ReadBranch)]);
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException
            or FormatException)
        {
            throw new JsonException($"The bands JSON is not in the format BandsJsonWriter writes: {exception.Message}",
                exception);
        }
    }

    private static BranchForecast ReadBranch(JsonElement branch) =>
        new(
            branch.GetProperty("name").GetString()!,
            branch.GetProperty("description").GetString()!,
            [.. branch.GetProperty("assumptions").EnumerateArray().Select(a => new BranchAssumption(
                a.GetProperty("path").GetString()!,
                a.GetProperty("base_value").GetString()!,
                a.GetProperty("branch_value").GetString()!))],
            ReadSeries(branch.GetProperty("total")),
            ReadMonths(branch.GetProperty("cumulative")),
            [.. branch.GetProperty("features").EnumerateArray().Select(ReadSeries)],
            [.. branch.GetProperty("cohorts").EnumerateArray().Select(ReadSeries)],
            [.. branch.GetProperty("models").EnumerateArray().Select(ReadSeries)],
            [.. branch.GetProperty("cost_per_task").EnumerateArray().Select(ReadTaskCost)],
            [.. branch.GetProperty("budget").EnumerateArray().Select(ReadBudget)]);

    private static SeriesBands ReadSeries(JsonElement series) =>
        new(
            series.GetProperty("name").GetString()!,
            ReadMonths(series.GetProperty("monthly")),
            ReadBand(series.GetProperty("horizon")));

    private static MonthBand[] ReadMonths(JsonElement months) =>
        [.. months.EnumerateArray().Select(m => new MonthBand(Month(m.GetProperty("month")), ReadBand(m)))];

    private static Band ReadBand(JsonElement band)
    {
        var errors = band.GetProperty("standard_errors");
        return new Band(
            Number(band, "p5"),
            Number(band, "p10"),
            Number(band, "p50"),
            Number(band, "p90"),
            Number(band, "p95"),
            Number(band, "mean"),
            new BandErrors(
                Number(errors, "p5"),
                Number(errors, "p10"),
                Number(errors, "p50"),
                Number(errors, "p90"),
                Number(errors, "p95"),
                Number(errors, "mean")));
    }

    private static FeatureTaskCost ReadTaskCost(JsonElement cost) =>
        new(
            cost.GetProperty("feature").GetString()!,
            Month(cost.GetProperty("month")),
            Number(cost, "mean_usd"),
            Number(cost, "median_usd"),
            Number(cost, "p90_usd"),
            Number(cost, "p99_usd"),
            Number(cost, "mean_relative_standard_error"),
            ReadBand(cost.GetProperty("tasks")));

    private static BudgetOutlook ReadBudget(JsonElement outlook)
    {
        var month = outlook.GetProperty("month");
        return new BudgetOutlook(
            month.ValueKind == JsonValueKind.Null ? null : Month(month),
            Number(outlook, "budget_usd"),
            Number(outlook, "exceedance_probability"));
    }

    private static double Number(JsonElement parent, string name)
    {
        var value = parent.GetProperty(name);
        return value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble();
    }

    private static DateOnly Month(JsonElement month) =>
        DateOnly.ParseExact(month.GetString()!, "yyyy-MM", CultureInfo.InvariantCulture);
}
