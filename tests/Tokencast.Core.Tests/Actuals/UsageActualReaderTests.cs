using System.Text;
using Tokencast.Core.Actuals;
using Tokencast.Core.Logs;
using static Tokencast.Core.Tests.Actuals.ActualsTestData;

namespace Tokencast.Core.Tests.Actuals;

public class UsageActualReaderTests
{
    private const string AnthropicHeader =
        "message_id,model,input_tokens,cache_creation_input_tokens,cache_read_input_tokens,output_tokens\n";

    private static readonly UsageImportOptions Options = new() { PriceDate = PriceDate };

    private static UsageBatch Read(string text, string source, UsageImportOptions? options = null) =>
        UsageActualReader.Read(text, source, options ?? Options, OpusCatalog);

    [Fact]
    public void Read_ResponseOnNineteenLines_OneCall()
    {
        // 3 x 5 + 2,285 x 6.25 + 22,137 x 0.50 + 500 x 25 = 37,864.75 per million.
        var text = new StringBuilder(AnthropicHeader);
        for (var i = 0; i < 19; i++)
        {
            text.Append("msg_1,claude-opus,3,2285,22137,500\n");
        }

        var batch = Read(text.ToString(), "l1.csv");

        Assert.Single(batch.Actuals);
        Assert.Equal(0.03786475m, batch.EstimatedCostUsd);
        Assert.Equal(18, batch.DuplicatesMerged);
        Assert.Equal(19, batch.RowsRead);
    }

    [Theory]
    [InlineData("2", "800", 3)]
    [InlineData("800", "2", 2)]
    public void Read_StreamingSnapshots_KeepsFinal(string firstOutput, string secondOutput, long keptLine)
    {
        // the 800-token snapshot: 15 + 14,281.25 + 11,068.5 + 20,000 = 45,364.75 per million.
        var text = AnthropicHeader
            + $"msg_1,claude-opus,3,2285,22137,{firstOutput}\n"
            + $"msg_1,claude-opus,3,2285,22137,{secondOutput}\n";

        var batch = Read(text, "l2.csv");

        Assert.Equal(0.04536475m, batch.EstimatedCostUsd);
        Assert.Equal(keptLine, Assert.Single(batch.Actuals).Line);
    }

    [Fact]
    public void Read_FailedAttempt_PaidInTask()
    {
        // failed attempt 10,000 x 5 per million = 0.05, retry 16,000 x 5 = 0.08.
        var text = "task_id,response_id,status,model,input_tokens,output_tokens\n"
            + "t1,r1,failed,claude-opus,10000,0\n"
            + "t1,r2,success,claude-opus,16000,0\n";

        var batch = Read(text, "l3.csv");

        Assert.Equal(0.13m, batch.Actuals.Where(a => a.TaskId == "t1").Sum(a => a.EstimatedCostUsd));
        Assert.Equal(1, batch.FailedCallsPriced);
        Assert.Equal(1, batch.Tasks);
        Assert.Equal(RequestStatus.Failed, batch.Actuals[0].Status);
    }

    [Fact]
    public void Read_RowWithoutUsage_UnknownNotFree()
    {
        var text = "model,input_tokens,output_tokens\nclaude-opus,,\nclaude-opus,1000,0\n";

        var batch = Read(text, "u.csv");

        Assert.True(batch.Actuals[0].IsUsageUnknown);
        Assert.Null(batch.Actuals[0].EstimatedCostUsd);
        Assert.Equal(1, batch.UnknownUsageRows);
        Assert.Equal(0.005m, batch.EstimatedCostUsd);
    }

    [Fact]
    public void Read_CallsWithoutTaskId_EachOwnTask()
    {
        var text = "model,input_tokens,output_tokens\nclaude-opus,1,0\nclaude-opus,1,0\n";

        var batch = Read(text, "own.csv");

        Assert.Equal(2, batch.Tasks);
        Assert.Equal("call:own.csv:2", batch.Actuals[0].TaskId);
    }

    // Both lines are 600 uncached input, 400 cache read and 100 output:
    // 600 x 5 + 400 x 0.5 + 100 x 25 = 5,700 per million. OpenAI counts the cache read inside
    // prompt_tokens, Anthropic outside input_tokens.
    [Theory]
    [InlineData("{\"model\":\"claude-opus\",\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":100,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":400}}}")]
    [InlineData("{\"model\":\"claude-opus\",\"usage\":{\"input_tokens\":600,\"cache_read_input_tokens\":400,"
        + "\"output_tokens\":100}}")]
    public void Read_EitherConvention_SameBuckets(string line)
    {
        var batch = Read(line + "\n", "c.jsonl");

        var actual = Assert.Single(batch.Actuals);
        Assert.Equal(600, actual.Buckets!.Value.UncachedInput);
        Assert.Equal(400, actual.Buckets!.Value.CacheRead);
        Assert.Equal(0.0057m, actual.EstimatedCostUsd);
    }

    // Current names: 1,000 input with 400 cache reads inside, 100 output = 5,700 per million.
    // Older names: 1,000 prompt and 100 completion tokens = 5,000 + 2,500 = 7,500 per million.
    [Theory]
    [InlineData("{\"traceId\":\"t9\",\"attributes\":{\"gen_ai.request.model\":\"claude-opus\","
        + "\"gen_ai.conversation.id\":\"c1\",\"gen_ai.usage.input_tokens\":1000,"
        + "\"gen_ai.usage.cache_read.input_tokens\":400,\"gen_ai.usage.output_tokens\":100}}", "0.0057")]
    [InlineData("{\"traceId\":\"t9\",\"attributes\":{\"gen_ai.request.model\":\"claude-opus\","
        + "\"gen_ai.usage.prompt_tokens\":1000,\"gen_ai.usage.completion_tokens\":100}}", "0.0075")]
    public void Read_OpenTelemetryNames_Priced(string line, string expectedUsd)
    {
        var batch = Read(line + "\n", "otel.jsonl");

        var actual = Assert.Single(batch.Actuals);
        Assert.Equal(decimal.Parse(expectedUsd, System.Globalization.CultureInfo.InvariantCulture),
            actual.EstimatedCostUsd);
        Assert.Equal("claude-opus", actual.Model);
        Assert.Equal("t9", actual.TaskId);
    }

    [Fact]
    public void Read_LiteLlmSpendLog_KeepsSpendApart()
    {
        // estimated: 1,000 x 5 + 100 x 25 = 7,500 and 200 x 5 = 1,000 per million, 0.0085 in all;
        // LiteLLM's spend column: 0.0075 + 0.0012 + 0.0 = 0.0087.
        var options = Options with { Kind = ActualsKind.LiteLlm, FeatureTagKey = "feature" };
        var path = PathOf("litellm-spend-3.csv");

        var batch = Read(File.ReadAllText(path), path, options);

        Assert.Equal(3, batch.Calls);
        Assert.Equal(0.0085m, batch.EstimatedCostUsd);
        Assert.Equal(0.0087m, batch.LiteLlmSpendUsd);
        Assert.Equal("support-chat", batch.Actuals[0].Feature);
        Assert.Equal("search", batch.Actuals[2].Feature);
        Assert.Equal("cust-1", batch.Actuals[0].User);
        Assert.Equal("req-2", batch.Actuals[1].ResponseId);
        Assert.Equal(RequestStatus.Failed, batch.Actuals[1].Status);
        Assert.Equal(1, batch.FailedCallsPriced);
    }

    [Fact]
    public void Read_LiteLlmBadSpend_ReportsLine()
    {
        var text = "request_id,spend,prompt_tokens,completion_tokens,model\nr1,cheap,1,1,claude-opus\n";
        var options = Options with { Kind = ActualsKind.LiteLlm };

        var exception = Assert.Throws<InvalidInputException>(() => Read(text, "s.csv", options));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal("cheap", problem.Value);
    }

    [Fact]
    public void Read_AzureTraceWithMapAndModel_Priced()
    {
        // The 20 rows hold 11,540 context and 1,674 generated tokens:
        // 11,540 x 5 + 1,674 x 25 = 57,700 + 41,850 = 99,550 per million.
        var options = Options with
        {
            DefaultModel = "claude-opus",
            LogOptions = new RequestLogOptions
            {
                ColumnMap = new Dictionary<LogField, string>
                {
                    [LogField.InputTokens] = "ContextTokens",
                    [LogField.OutputTokens] = "GeneratedTokens",
                    [LogField.Timestamp] = "TIMESTAMP",
                },
            },
        };

        var batch = Read(File.ReadAllText(AzurePath), AzurePath, options);

        Assert.Equal(20, batch.Calls);
        Assert.Equal(0.09955m, batch.EstimatedCostUsd);
        Assert.Equal("claude-opus", batch.Actuals[0].Model);
        // The first row is at 2023-11-16 18:15:46.6805900, read as UTC.
        var expected = new DateTime(2023, 11, 16, 18, 15, 46).AddTicks(6805900);
        Assert.Equal(expected, batch.Actuals[0].Timestamp!.Value.UtcDateTime);
    }

    [Fact]
    public void Read_SetAside_RejectsBadRowsOnly()
    {
        var text = "model,input_tokens,output_tokens\nclaude-opus,1000,0\nclaude-opus,many,0\n"
            + "claude-opus,2000,0\n";

        var batch = Read(text, "bad.csv", Options with { SetAside = true });

        Assert.Equal(2, batch.Calls);
        Assert.Equal(3, batch.RowsRead);
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(3, rejected.Line);
        Assert.Contains("many", rejected.Reason, StringComparison.Ordinal);
    }
}
