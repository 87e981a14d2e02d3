using System.Text.Json;
using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes the sensitivity ranking of every branch as indented JSON with snake_case keys and a fixed
/// property order, so the same ranking always gives the same bytes.
/// </summary>
/// <remarks>
/// Numbers use the shortest text that round-trips the double. A measure that is undefined because the
/// assumption or the spend did not vary is written as null.
/// </remarks>
public static class SensitivityJsonWriter
{
    /// <summary>
    /// Writes the ranking of <paramref name="branches"/>, measured on a run of <paramref name="result"/>'s
    /// scenario and seed, as one JSON object to <paramref name="destination"/>.
    /// </summary>
    public static void Write(ForecastResult result, IReadOnlyList<BranchSensitivity> branches, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(branches);
        ArgumentNullException.ThrowIfNull(destination);
        using var json = new Utf8JsonWriter(destination, BandsJsonWriter.Options);

        json.WriteStartObject();
        json.WriteString("scenario", result.Scenario);
        json.WriteNumber("seed", result.Seed);
        json.WriteString("output", "horizon total spend in USD per trial");
        json.WriteString("order_by", "variance_index");
        json.WriteStartArray("branches");
        foreach (var branch in branches)
        {
            WriteBranch(branch, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteBranch(BranchSensitivity branch, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("name", branch.Branch);
        json.WriteNumber("trials", branch.Trials);
        WriteNumber(json, "horizon_p50_usd", branch.HorizonMedianUsd);
        WriteNumber(json, "variance_index_null_level", branch.VarianceIndexNullLevel);
        WriteNumber(json, "explained_variance_share", branch.ExplainedVarianceShare);
        json.WriteStartArray("inputs");
        for (var i = 0; i < branch.Inputs.Count; i++)
        {
            var input = branch.Inputs[i];
            json.WriteStartObject();
            json.WriteNumber("rank", i + 1);
            json.WriteString("input", input.Input);
            json.WriteString("distribution", branch.Distributions.GetValueOrDefault(input.Input, ""));
            WriteNumber(json, "variance_index", input.VarianceIndex);
            WriteNumber(json, "spearman", input.SpearmanCorrelation);
            WriteNumber(json, "low_decile_p50_usd", input.LowDecileOutputMedian);
            WriteNumber(json, "high_decile_p50_usd", input.HighDecileOutputMedian);
            WriteNumber(json, "swing_usd", input.TornadoSwing);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value) =>
        BandsJsonWriter.WriteNumber(name, value ?? double.NaN, json);
}
