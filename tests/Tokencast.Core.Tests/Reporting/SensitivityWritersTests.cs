using System.Globalization;
using System.Text;
using System.Text.Json;
using Tokencast.Core.Logs;
using Tokencast.Core.Reporting;

namespace Tokencast.Core.Tests.Reporting;

public class SensitivityWritersTests
{
    [Fact]
    public void Csv_Rows_OnePerInputInRankOrder()
    {
        var rows = CsvRows();

        Assert.Equal(SensitivityCsvWriter.Header, string.Join(',', rows[0]));
        Assert.Equal(5, rows.Count);
        Assert.Equal(["1", "2", "3", "4"], rows.Skip(1).Select(row => row[1]));
        Assert.Equal("cohorts.large.users", rows[1][2]);
        Assert.Equal("cohorts.small.monthly_growth", rows[4][2]);
        Assert.All(rows.Skip(1), row => Assert.Equal("baseline", row[0]));
    }

    [Fact]
    public void Csv_FirstRow_HasEveryMeasure()
    {
        var row = CsvRows()[1];

        // branch, rank, input, distribution, variance_index, spearman, horizon P50, low, high, swing
        string[] expected =
            ["baseline", "1", "cohorts.large.users", "lognormal(mu 5, sigma 0.5)", "0.6", "0.75", "150", "100", "250", "150"];
        Assert.Equal(expected, row);
    }

    [Fact]
    public void Csv_UndefinedMeasures_EmptyFields()
    {
        var row = CsvRows()[4];

        Assert.Equal("", row[4]);
        Assert.Equal("", row[5]);
        Assert.Equal("0", row[9]);
    }

    [Fact]
    public void CsvAndJson_SameNumbers()
    {
        var rows = CsvRows();
        using var json = JsonDocument.Parse(Json());
        var inputs = json.RootElement.GetProperty("branches")[0].GetProperty("inputs");

        Assert.Equal(rows.Count - 1, inputs.GetArrayLength());
        for (var i = 0; i < inputs.GetArrayLength(); i++)
        {
            var row = rows[i + 1];
            var input = inputs[i];
            Assert.Equal(row[1], input.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture));
            Assert.Equal(row[2], input.GetProperty("input").GetString());
            Assert.Equal(row[3], input.GetProperty("distribution").GetString());
            Assert.Equal(Number(row[4]), Number(input.GetProperty("variance_index")));
            Assert.Equal(Number(row[5]), Number(input.GetProperty("spearman")));
            Assert.Equal(Number(row[7]), Number(input.GetProperty("low_decile_p50_usd")));
            Assert.Equal(Number(row[8]), Number(input.GetProperty("high_decile_p50_usd")));
            Assert.Equal(Number(row[9]), Number(input.GetProperty("swing_usd")));
        }
    }

    [Fact]
    public void Json_Branches_CarrySummary()
    {
        using var json = JsonDocument.Parse(Json());
        var root = json.RootElement;
        var baseline = root.GetProperty("branches")[0];
        var growth = root.GetProperty("branches")[1];

        Assert.Equal("sample", root.GetProperty("scenario").GetString());
        Assert.Equal(42UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal("baseline", baseline.GetProperty("name").GetString());
        Assert.Equal(1000, baseline.GetProperty("trials").GetInt32());
        Assert.Equal(150, baseline.GetProperty("horizon_p50_usd").GetDouble());

        // 1000 trials give 31 bins, so the null level is 30 / 999. Each index counts (S − c) / (1 − c).
        const double nullLevel = 30.0 / 999;
        var expectedShare = new[] { 0.6, 0.2, 0.1 }.Sum(s => (s - nullLevel) / (1 - nullLevel));
        Assert.Equal(nullLevel, baseline.GetProperty("variance_index_null_level").GetDouble(), 15);
        Assert.Equal(expectedShare, baseline.GetProperty("explained_variance_share").GetDouble(), 12);
        Assert.Equal(0, growth.GetProperty("inputs").GetArrayLength());
    }

    [Fact]
    public void Json_UndefinedMeasures_Null()
    {
        using var json = JsonDocument.Parse(Json());
        var input = json.RootElement.GetProperty("branches")[0].GetProperty("inputs")[3];

        Assert.Equal(JsonValueKind.Null, input.GetProperty("variance_index").ValueKind);
        Assert.Equal(JsonValueKind.Null, input.GetProperty("spearman").ValueKind);
    }

    private static List<IReadOnlyList<string>> CsvRows()
    {
        using var text = new StringWriter();
        SensitivityCsvWriter.Write(SampleSensitivity.TwoBranches(), text);
        return CsvRowReader.ReadRows(text.ToString(), "sensitivity.csv").Select(row => row.Fields).ToList();
    }

    private static string Json()
    {
        using var stream = new MemoryStream();
        SensitivityJsonWriter.Write(SampleForecasts.TwoBranches(), SampleSensitivity.TwoBranches(), stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static double? Number(string field) =>
        field.Length == 0 ? null : double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double? Number(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
}
