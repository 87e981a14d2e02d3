using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes a whole forecast result as indented JSON with snake_case keys, months as <c>yyyy-MM</c> and a
/// fixed property order, so the same result always gives the same bytes.
/// </summary>
/// <remarks>
/// Numbers use the shortest text that round-trips the double. NaN and infinity are written as null.
/// Letters outside ASCII are written as they are, but HTML-sensitive characters such as &lt; are escaped.
/// </remarks>
public static class BandsJsonWriter
{
    /// <summary>Indented output that writes letters outside ASCII as they are; shared by the JSON report files.</summary>
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>
    /// Writes <paramref name="result"/> as one JSON object to <paramref name="destination"/>.
    /// </summary>
    public static void Write(ForecastResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        using var json = new Utf8JsonWriter(destination, Options);

        json.WriteStartObject();
        json.WriteString("scenario", result.Scenario);
        json.WriteString("first_month", ReportText.Month(result.FirstMonth));
        json.WriteNumber("months", result.Months);
        json.WriteNumber("trials", result.Trials);
        json.WriteNumber("seed", result.Seed);
        json.WriteString("percentile_definition", "R7");
        json.WriteStartArray("branches");
        foreach (var branch in result.Branches)
        {
            WriteBranch(branch, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteBranch(BranchForecast branch, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("name", branch.Name);
        json.WriteString("description", branch.Description);
        json.WriteStartArray("assumptions");
        foreach (var assumption in branch.Assumptions)
        {
            json.WriteStartObject();
            json.WriteString("path", assumption.Path);
            json.WriteString("base_value", assumption.BaseValue);
            json.WriteString("branch_value", assumption.BranchValue);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WritePropertyName("total");
        WriteSeries(branch.Total, json);
        json.WritePropertyName("cumulative");
        WriteMonths(branch.Cumulative, json);
        WriteSeriesList("features", branch.Features, json);
        WriteSeriesList("cohorts", branch.Cohorts, json);
        WriteSeriesList("models", branch.Models, json);
        WriteCostPerTask(branch.CostPerTask, json);
        WriteBudget(branch.Budget, json);
        json.WriteEndObject();
    }

    private static void WriteSeriesList(string name, IReadOnlyList<SeriesBands> series, Utf8JsonWriter json)
    {
        json.WriteStartArray(name);
        foreach (var item in series)
        {
            WriteSeries(item, json);
        }

        json.WriteEndArray();
    }

    private static void WriteSeries(SeriesBands series, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("name", series.Name);
        json.WritePropertyName("monthly");
        WriteMonths(series.Monthly, json);
        json.WritePropertyName("horizon");
        WriteBand(series.Horizon, null, json);
        json.WriteEndObject();
    }

    private static void WriteMonths(IReadOnlyList<MonthBand> months, Utf8JsonWriter json)
    {
        json.WriteStartArray();
        foreach (var month in months)
        {
            WriteBand(month.Band, month.Month, json);
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Writes a band as an object, with a leading <c>month</c> key when <paramref name="month"/> is set.
    /// </summary>
    private static void WriteBand(Band band, DateOnly? month, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        if (month is { } start)
        {
            json.WriteString("month", ReportText.Month(start));
        }

        WritePercentiles(band.P5, band.P10, band.P50, band.P90, band.P95, band.Mean, json);
        json.WriteStartObject("standard_errors");
        var errors = band.StandardErrors;
        WritePercentiles(errors.P5, errors.P10, errors.P50, errors.P90, errors.P95, errors.Mean, json);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePercentiles(
        double p5, double p10, double p50, double p90, double p95, double mean, Utf8JsonWriter json)
    {
        WriteNumber("p5", p5, json);
        WriteNumber("p10", p10, json);
        WriteNumber("p50", p50, json);
        WriteNumber("p90", p90, json);
        WriteNumber("p95", p95, json);
        WriteNumber("mean", mean, json);
    }

    private static void WriteCostPerTask(IReadOnlyList<FeatureTaskCost> costs, Utf8JsonWriter json)
    {
        json.WriteStartArray("cost_per_task");
        foreach (var cost in costs)
        {
            json.WriteStartObject();
            json.WriteString("feature", cost.Feature);
            json.WriteString("month", ReportText.Month(cost.Month));
            WriteNumber("mean_usd", cost.MeanUsd, json);
            WriteNumber("median_usd", cost.MedianUsd, json);
            WriteNumber("p90_usd", cost.P90Usd, json);
            WriteNumber("p99_usd", cost.P99Usd, json);
            WriteNumber("mean_relative_standard_error", cost.MeanRelativeStandardError, json);
            json.WritePropertyName("tasks");
            WriteBand(cost.Tasks, null, json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteBudget(IReadOnlyList<BudgetOutlook> budget, Utf8JsonWriter json)
    {
        json.WriteStartArray("budget");
        foreach (var outlook in budget)
        {
            json.WriteStartObject();
            if (outlook.Month is { } month)
            {
                json.WriteString("month", ReportText.Month(month));
            }
            else
            {
                json.WriteNull("month");
            }

            WriteNumber("budget_usd", outlook.BudgetUsd, json);
            WriteNumber("exceedance_probability", outlook.ExceedanceProbability, json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes a number property, or null when the value is NaN or infinite.</summary>
    internal static void WriteNumber(string name, double value, Utf8JsonWriter json)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
