using Tokencast.Core.Actuals;
using static Tokencast.Core.Tests.Actuals.ActualsTestData;

namespace Tokencast.Core.Tests.Actuals;

public class FocusReaderTests
{
    private const string Rows =
        "2025-03-01T00:00:00Z,2025-03-02T00:00:00Z,USD,0.1,0.09,Amazon Bedrock,SKU1,SKU1.P1,AWS,Usage,"
        + "\"{\"\"feature\"\":\"\"support-chat\"\"}\"\n"
        + "2025-03-02T00:00:00Z,2025-03-03T00:00:00Z,USD,0.2,0.18,Amazon Bedrock,SKU1,SKU1.P1,AWS,Usage,"
        + "\"{\"\"feature\"\":\"\"search\"\",\"\"team\"\":7}\"\n";

    private static readonly FocusImportOptions Options = new() { FeatureTagKey = "feature" };

    // 0.1 + 0.2 is exactly 0.3 in decimal; in double it would be 0.30000000000000004.
    [Theory]
    [InlineData("ProviderName")]
    [InlineData("ServiceProviderName")]
    public void Read_HeaderVariants_SumsExactly(string providerColumn)
    {
        var header = "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BilledCost,EffectiveCost,ServiceName,"
            + $"SkuId,SkuPriceId,{providerColumn},ChargeCategory,Tags\n";

        var batch = FocusReader.Read(header + Rows, "focus.csv", Options);

        Assert.Equal(0.3m, batch.BilledCostByCurrency["USD"]);
        Assert.Equal(0.27m, batch.EffectiveCostByCurrency["USD"]);
        Assert.Equal("AWS", batch.Actuals[0].Provider);
        Assert.Equal("support-chat", batch.Actuals[0].Feature);
        Assert.Equal("7", batch.Actuals[1].Tags["team"]);
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero), batch.Actuals[1].ChargePeriodStart);
        Assert.Equal("SKU1.P1", batch.Actuals[0].SkuPriceId);
    }

    [Fact]
    public void Read_Focus10Sample_SumsBilledCost()
    {
        // Sum of BilledCost of the 20 rows, added with exact decimals (Python decimal module): 0.01531462240.
        var path = PathOf("focus-1.0-20.csv");

        var batch = FocusReader.Read(File.ReadAllText(path), path, new FocusImportOptions());

        Assert.Equal(20, batch.Actuals.Count);
        Assert.Equal(0.01531462240m, batch.BilledCostByCurrency["USD"]);
        Assert.Equal("Amazon Simple Queue Service", batch.Actuals[0].ServiceName);
        Assert.Equal("Usage", batch.Actuals[0].ChargeCategory);
        Assert.Empty(batch.Actuals[0].Tags);
    }

    [Theory]
    [InlineData("1,5", "BilledCost")]
    [InlineData("NULL", "BilledCost")]
    public void Read_BadCost_ReportsColumnAndValue(string cost, string column)
    {
        var text = "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BilledCost,EffectiveCost\n"
            + $"2025-03-01,2025-03-02,USD,\"{cost}\",0\n";

        var exception = Assert.Throws<InvalidInputException>(() => FocusReader.Read(text, "f.csv", Options));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal(column, problem.Path);
        Assert.Contains("decimal", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PeriodEndsBeforeStart_Rejected()
    {
        var text = "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BilledCost,EffectiveCost\n"
            + "2025-03-02,2025-03-01,USD,1,1\n";

        var exception = Assert.Throws<InvalidInputException>(() => FocusReader.Read(text, "f.csv", Options));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("ChargePeriodEnd", problem.Path);
        Assert.Equal("2025-03-01", problem.Value);
    }

    [Fact]
    public void Read_BadDateAndTags_ReportsBoth()
    {
        var text = "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BilledCost,EffectiveCost,Tags\n"
            + "yesterday,2025-03-02,USD,1,1,{feature}\n";

        var exception = Assert.Throws<InvalidInputException>(() => FocusReader.Read(text, "f.csv", Options));

        Assert.Equal(2, exception.Problems.Count);
        Assert.Equal("yesterday", exception.Problems[0].Value);
        Assert.Equal("Tags", exception.Problems[1].Path);
    }

    [Fact]
    public void Read_MissingCostColumn_Rejected()
    {
        var text = "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BilledCost\n2025-03-01,2025-03-02,USD,1\n";

        var exception = Assert.Throws<InvalidInputException>(() => FocusReader.Read(text, "f.csv", Options));

        Assert.Equal("EffectiveCost", Assert.Single(exception.Problems).Value);
    }
}
