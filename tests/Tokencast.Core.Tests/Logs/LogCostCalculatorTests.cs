using System.Text;
using Tokencast.Core.Logs;
using Tokencast.Core.Pricing;

namespace Tokencast.Core.Tests.Logs;

public class LogCostCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 8, 18);

    // Prices of the log cases: input 5, cache write 6.25, cache read 0.50, output 25 per million.
    private static readonly PriceCatalog OpusCatalog = PriceCatalog.Empty().WithOverrides([
        PriceOverride.FromPerMillionTokens("claude-opus", null, new PerMillionTokenPrices
        {
            InputPerMillionTokens = 5m, CacheWrite5MinutesPerMillionTokens = 6.25m,
            CacheReadPerMillionTokens = 0.50m, OutputPerMillionTokens = 25m,
        }),
    ]);

    private const string AnthropicHeader =
        "message_id,model,input_tokens,cache_creation_input_tokens,cache_read_input_tokens,output_tokens\n";

    [Fact]
    public void Price_ResponseOnNineteenLines_CountedOnce()
    {
        // 3 x 5 + 2,285 x 6.25 + 22,137 x 0.50 + 500 x 25 = 15 + 14,281.25 + 11,068.5 + 12,500
        // = 37,864.75 per million.
        var text = new StringBuilder(AnthropicHeader);
        for (var i = 0; i < 19; i++)
        {
            text.Append("msg_1,claude-opus,3,2285,22137,500\n");
        }

        var report = LogCostCalculator.Price(RequestLogReader.Parse(text.ToString(), "l1.csv"), OpusCatalog, Today);

        Assert.Equal(0.03786475m, report.TotalUsd);
        Assert.Equal(18, report.DuplicatesMerged);
        Assert.Equal(1, report.RowsPriced);
    }

    [Fact]
    public void Price_StreamingSnapshots_KeepsFinal()
    {
        // output 2 then 800; keep 800: 15 + 14,281.25 + 11,068.5 + 20,000 = 45,364.75 per million.
        var text = AnthropicHeader
            + "msg_1,claude-opus,3,2285,22137,2\n"
            + "msg_1,claude-opus,3,2285,22137,800\n";

        var report = LogCostCalculator.Price(RequestLogReader.Parse(text, "l2.csv"), OpusCatalog, Today);

        Assert.Equal(0.04536475m, report.TotalUsd);
        Assert.Equal(CostStatus.Duplicate, report.Rows[0].Status);
        Assert.Equal(3, report.Rows[0].DuplicateOfLine);
    }

    [Fact]
    public void Price_FinalSnapshotFirst_StillKeepsLargest()
    {
        var text = AnthropicHeader
            + "msg_1,claude-opus,3,2285,22137,800\n"
            + "msg_1,claude-opus,3,2285,22137,2\n";

        var report = LogCostCalculator.Price(RequestLogReader.Parse(text, "l2.csv"), OpusCatalog, Today);

        Assert.Equal(0.04536475m, report.TotalUsd);
        Assert.Equal(2, report.Rows[1].DuplicateOfLine);
    }

    [Fact]
    public void Price_FailedAttempt_PaidInTaskTotal()
    {
        // the failed attempt costs 10,000 x 5 per million = 0.05 and the retry 16,000 x 5 = 0.08.
        var text = "task_id,response_id,status,model,input_tokens,output_tokens\n"
            + "t1,r1,failed,claude-opus,10000,0\n"
            + "t1,r2,success,claude-opus,16000,0\n";

        var report = LogCostCalculator.Price(RequestLogReader.Parse(text, "l3.csv"), OpusCatalog, Today);

        Assert.Equal(0.13m, report.ByTaskUsd["t1"]);
        Assert.Equal(1, report.FailedRowsPriced);
    }

    [Fact]
    public void Price_RowWithoutUsage_NotPricedAsFree()
    {
        var text = "model,input_tokens,output_tokens\nclaude-opus,,\nclaude-opus,1000,0\n";

        var report = LogCostCalculator.Price(RequestLogReader.Parse(text, "l.csv"), OpusCatalog, Today);

        Assert.Equal(CostStatus.NoUsage, report.Rows[0].Status);
        Assert.Null(report.Rows[0].Cost);
        Assert.Equal(1, report.RowsWithoutUsage);
        Assert.Equal("no usage", report.Rows[0].StatusText);
    }

    [Fact]
    public void Price_RowsOnDifferentDates_EachAtItsOwnPrice()
    {
        // 1M input at 5 before 2026-08-21 and at 4 from then on.
        var catalog = OpusCatalog.WithOverrides([PriceOverride.FromPerMillionTokens("claude-opus",
            new DateOnly(2026, 8, 21), new PerMillionTokenPrices { InputPerMillionTokens = 4m })]);
        var text = "timestamp,model,input_tokens,output_tokens\n"
            + "2026-08-20T23:59:59Z,claude-opus,1000000,0\n"
            + "2026-08-21T00:00:00Z,claude-opus,1000000,0\n"
            + ",claude-opus,1000000,0\n";

        var report = LogCostCalculator.Price(RequestLogReader.Parse(text, "d.csv"), catalog, Today);

        Assert.Equal(5m, report.Rows[0].Cost!.TotalUsd);
        Assert.Equal(4m, report.Rows[1].Cost!.TotalUsd);
        Assert.Equal(5m, report.Rows[2].Cost!.TotalUsd);
        Assert.Equal(1, report.RowsPricedAtToday);
    }

    [Fact]
    public void Price_UnknownModel_NamesModelLineAndSuggestions()
    {
        var text = "model,input_tokens,output_tokens\nclaude-opus,1,1\nclaude-opuss,1,1\nclaude-opuss,1,1\n";

        var error = Assert.Throws<InvalidInputException>(
            () => LogCostCalculator.Price(RequestLogReader.Parse(text, "u.csv"), OpusCatalog, Today));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal("u.csv", problem.File);
        Assert.Contains("claude-opuss", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean claude-opus", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_TotalsByModelAndFeature_Exact()
    {
        // 1,000 x 5 = 0.005 (chat) and 2,000 x 5 = 0.01 (search).
        var text = "model,feature,input_tokens,output_tokens\nclaude-opus,chat,1000,0\nclaude-opus,search,2000,0\n";

        var report = LogCostCalculator.Price(RequestLogReader.Parse(text, "f.csv"), OpusCatalog, Today);

        Assert.Equal(0.015m, report.ByModelUsd["claude-opus"]);
        Assert.Equal(0.005m, report.ByFeatureUsd["chat"]);
        Assert.Equal(0.01m, report.ByFeatureUsd["search"]);
    }
}
