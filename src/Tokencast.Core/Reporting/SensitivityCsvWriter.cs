using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes the sensitivity ranking of every branch as one CSV table (RFC 4180, invariant culture, CRLF): one
/// row per branch and uncertain assumption, in rank order (largest variance index first).
/// </summary>
/// <remarks>
/// Numbers are written as the shortest text that round-trips the double, the form of
/// <c>sensitivity.json</c>, so both files carry the same numbers. <c>spearman</c> and
/// <c>variance_index</c> are empty when the assumption or the spend did not vary over the trials.
/// </remarks>
public static class SensitivityCsvWriter
{
    /// <summary>The header row, without the record separator.</summary>
    public const string Header =
        "branch,rank,input,distribution,variance_index,spearman," +
        "horizon_p50_usd,low_decile_p50_usd,high_decile_p50_usd,swing_usd";

    /// <summary>Writes the header and the rows of every branch to <paramref name="destination"/>.</summary>
    public static void Write(IReadOnlyList<BranchSensitivity> branches, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(branches);
        ArgumentNullException.ThrowIfNull(destination);

        destination.Write(Header);
        destination.Write(CsvText.RecordEnd);
        foreach (var branch in branches)
        {
            for (var i = 0; i < branch.Inputs.Count; i++)
            {
                var input = branch.Inputs[i];
                string[] fields =
                [
                    CsvText.Field(branch.Branch),
                    (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    CsvText.Field(input.Input),
                    CsvText.Field(branch.Distributions.GetValueOrDefault(input.Input, "")),
                    Number(input.VarianceIndex),
                    Number(input.SpearmanCorrelation),
                    Number(branch.HorizonMedianUsd),
                    Number(input.LowDecileOutputMedian),
                    Number(input.HighDecileOutputMedian),
                    Number(input.TornadoSwing),
                ];
                destination.Write(string.Join(',', fields));
                destination.Write(CsvText.RecordEnd);
            }
        }
    }

    private static string Number(double? value) => value is { } number ? CsvText.Number(number, "R") : "";
}
