using Tokencast.Core.Logs;
using Tokencast.Core.Pricing;
using Tokencast.Core.Usage;

namespace Tokencast.Core.Tests.Logs;

public class RequestLogReaderTests
{
    [Fact]
    public void Parse_OpenAiCsv_ConvertsToBuckets()
    {
        var log = RequestLogReader.Parse(
            "model,prompt_tokens,completion_tokens,cached_tokens\ngpt-4o,2006,300,1920\n", "log.csv");

        var buckets = log.Records[0].Buckets!.Value;
        Assert.Equal(UsageConvention.OpenAi, log.Convention);
        Assert.Equal(86, buckets.UncachedInput);
        Assert.Equal(1_920, buckets.CacheRead);
        Assert.Equal(2, log.Records[0].Line);
    }

    [Fact]
    public void Parse_AnthropicNestedJson_FlattensAndDetects()
    {
        var text = """
            {"id": "msg_1", "model": "claude-sonnet-4-5", "usage": {"input_tokens": 3, "output_tokens": 550, "cache_creation_input_tokens": 12304, "cache_read_input_tokens": 0, "cache_creation": {"ephemeral_5m_input_tokens": 12304, "ephemeral_1h_input_tokens": 0}}}
            """;

        var log = RequestLogReader.Parse(text, "log.jsonl");

        var record = log.Records[0];
        Assert.Equal(UsageConvention.Anthropic, log.Convention);
        Assert.Equal(3, record.Buckets!.Value.UncachedInput);
        Assert.Equal(12_304, record.Buckets!.Value.CacheWrite5Minutes);
        Assert.Equal("msg_1", record.ResponseId);
    }

    [Fact]
    public void Parse_OpenTelemetryNames_Detected()
    {
        var text = """
            {"gen_ai.request.model": "gpt-4o", "gen_ai.response.id": "r1", "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.output_tokens": 50, "gen_ai.usage.cache_read.input_tokens": 600, "gen_ai.usage.cache_creation.input_tokens": 300, "gen_ai.usage.reasoning.output_tokens": 20, "openai.response.service_tier": "priority"}
            """;

        var record = RequestLogReader.Parse(text, "spans.jsonl").Records[0];

        Assert.Equal(UsageConvention.OpenTelemetry, record.Usage!.Convention);
        Assert.Equal(100, record.Buckets!.Value.UncachedInput);
        Assert.Equal(30, record.Buckets!.Value.Output);
        Assert.Equal(ServiceTier.Priority, record.ServiceTier);
        Assert.Equal("gpt-4o", record.Model);
    }

    [Fact]
    public void Parse_OldOpenTelemetryNames_Aliases()
    {
        var text = "gen_ai.response.model,gen_ai.usage.prompt_tokens,gen_ai.usage.completion_tokens,"
            + "gen_ai.usage.cache_read_input_tokens\ngpt-4o,100,10,40\n";

        var record = RequestLogReader.Parse(text, "spans.csv").Records[0];

        Assert.Equal(60, record.Buckets!.Value.UncachedInput);
        Assert.Equal(40, record.Buckets!.Value.CacheRead);
    }

    [Fact]
    public void Parse_GeminiUsageMetadata_ThoughtsOutsideCandidates()
    {
        var text = """
            {"model": "gemini-2.5-pro", "usageMetadata": {"promptTokenCount": 55021, "candidatesTokenCount": 923, "thoughtsTokenCount": 785, "totalTokenCount": 56729}}
            """;

        var record = RequestLogReader.Parse(text, "g.jsonl").Records[0];

        Assert.Equal(923, record.Buckets!.Value.Output);
        Assert.Equal(785, record.Buckets!.Value.ReasoningOutput);
    }

    [Theory]
    [InlineData("lots", "whole number")]
    [InlineData("-5", "whole number")]
    [InlineData("1000000001", "at most 1,000,000,000")]
    [InlineData("99999999999999999999999", "at most 1,000,000,000")]
    [InlineData("1e30", "at most 1,000,000,000")]
    public void Parse_BadTokenCount_ReportedOnce(string count, string expected)
    {
        var text = $"model,input_tokens,output_tokens\ngpt-4o,{count},10\n";

        var error = Assert.Throws<InvalidInputException>(() => RequestLogReader.Parse(text, "log.csv"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("input_tokens", problem.Path);
        Assert.Equal(count, problem.Value);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BillionTokens_Accepted()
    {
        var text = "model,input_tokens,output_tokens\ngpt-4o,1000000000,10\n";

        var log = RequestLogReader.Parse(text, "log.csv");

        Assert.Equal(1_000_000_000, Assert.Single(log.Records).Buckets!.Value.UncachedInput);
    }

    [Fact]
    public void Parse_AmbiguousCacheColumns_RequiresConvention()
    {
        var text = "model,input_tokens,output_tokens,cached_tokens\ngpt-4o,100,10,40\n";

        var error = Assert.Throws<InvalidInputException>(() => RequestLogReader.Parse(text, "log.csv"));

        Assert.Contains("--convention", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AmbiguousWithConvention_UsesIt()
    {
        var text = "model,input_tokens,output_tokens,cached_tokens\nm,100,10,40\n";

        var log = RequestLogReader.Parse(text, "log.csv",
            new RequestLogOptions { Convention = UsageConvention.Anthropic });

        Assert.Equal(100, log.Records[0].Buckets!.Value.UncachedInput);
    }

    [Fact]
    public void Parse_ConventionAgainstColumnNames_Rejected()
    {
        // cache_read_input_tokens is Anthropic's name: cache reads come on top of input_tokens there, so
        // reading it as Gemini (cache inside the input) would change the price without a word.
        var text = "model,input_tokens,output_tokens,cache_read_input_tokens\nm,100,10,40\n";

        var error = Assert.Throws<InvalidInputException>(() => RequestLogReader.Parse(text, "log.csv",
            new RequestLogOptions { Convention = UsageConvention.Gemini }));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("--convention", problem.Path);
        Assert.Contains("Anthropic convention", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MixedConventions_RequiresConvention()
    {
        var text = "model,prompt_tokens,completion_tokens,cache_creation_input_tokens\nm,100,10,40\n";

        Assert.Throws<InvalidInputException>(() => RequestLogReader.Parse(text, "log.csv"));
    }

    [Fact]
    public void Parse_InconsistentRows_AllReportedWithLines()
    {
        var text = "model,prompt_tokens,completion_tokens,cached_tokens,total_tokens\n"
            + "m,10,5,20,15\nm,10,5,0,15\nm,x,5,0,15\n";

        var error = Assert.Throws<InvalidInputException>(() => RequestLogReader.Parse(text, "log.csv"));

        Assert.Contains(error.Problems, p => p.Line == 2 && p.Message.Contains("exceed input", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Line == 4 && p.Value == "x");
        Assert.DoesNotContain(error.Problems, p => p.Line == 3);
    }

    [Fact]
    public void Parse_QuotedFieldsWithCommasAndNewlines_Rfc4180()
    {
        var text = "model,feature,prompt_tokens,completion_tokens\r\n"
            + "m,\"chat, \"\"beta\"\"\nsecond line\",10,5\r\nm,plain,1,1\r\n";

        var log = RequestLogReader.Parse(text, "log.csv");

        Assert.Equal("chat, \"beta\"\nsecond line", log.Records[0].Feature);
        Assert.Equal(2, log.Records[0].Line);
        Assert.Equal(4, log.Records[1].Line);
    }

    [Fact]
    public void Parse_RowWithoutUsage_HasNoBuckets()
    {
        var log = RequestLogReader.Parse("model,prompt_tokens,completion_tokens\nm,,\n", "log.csv");

        Assert.Null(log.Records[0].Buckets);
    }

    [Fact]
    public void Parse_ExplicitMap_ReadsOtherColumns()
    {
        var options = new RequestLogOptions
        {
            ColumnMap = new Dictionary<LogField, string>
            {
                [LogField.InputTokens] = "in", [LogField.OutputTokens] = "out", [LogField.Model] = "engine",
            },
        };

        var record = RequestLogReader.Parse("engine,in,out\nm,7,3\n", "log.csv", options).Records[0];

        Assert.Equal("m", record.Model);
        Assert.Equal(7, record.Buckets!.Value.UncachedInput);
    }

    [Theory]
    [InlineData("2026-08-18T10:00:00Z", "2026-08-18")]
    [InlineData("1786960800", "2026-08-17")]
    [InlineData("1786960800000", "2026-08-17")]
    public void Parse_TimestampFormats_ReadAsUtc(string value, string date)
    {
        var record = RequestLogReader.Parse($"model,timestamp,prompt_tokens,completion_tokens\nm,{value},1,1\n",
            "log.csv").Records[0];

        Assert.Equal(date, record.Timestamp!.Value.UtcDateTime.ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture));
    }

    // Expected instants are the written wall time minus the written offset; no offset means UTC.
    [Theory]
    [InlineData("2026-08-18T10:00:00Z", "2026-08-18T10:00:00.0000000Z")]
    [InlineData("2026-08-18T10:00:00", "2026-08-18T10:00:00.0000000Z")]
    [InlineData("2026-08-18T10:00:00.5+02:00", "2026-08-18T08:00:00.5000000Z")]
    [InlineData("2026-08-18T10:00:00.123456789Z", "2026-08-18T10:00:00.1234567Z")]
    [InlineData("2026-08-18T10:00Z", "2026-08-18T10:00:00.0000000Z")]
    [InlineData("2026-08-18", "2026-08-18T00:00:00.0000000Z")]
    [InlineData("2023-11-16 18:15:46.6805900", "2023-11-16T18:15:46.6805900Z")]
    [InlineData("2023-11-16 18:15:46", "2023-11-16T18:15:46.0000000Z")]
    public void Parse_IsoAndTraceTimes_ExactInstant(string value, string expected)
    {
        var record = RequestLogReader.Parse($"model,timestamp,prompt_tokens,completion_tokens\nm,{value},1,1\n",
            "log.csv").Records[0];

        Assert.Equal(expected, record.Timestamp!.Value.UtcDateTime.ToString("o",
            System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("05/01/2027")]
    [InlineData("1 May 2027")]
    [InlineData("2027-13-01")]
    [InlineData("yesterday")]
    public void Parse_AmbiguousOrInvalidTime_NamesLineValueAndForms(string value)
    {
        var text = $"model,timestamp,prompt_tokens,completion_tokens\nm,2026-08-18,1,1\nm,{value},1,1\n";

        var error = Assert.Throws<InvalidInputException>(() => RequestLogReader.Parse(text, "log.csv"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal(value, problem.Value);
        Assert.Contains("ISO 8601", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AzureTrace_ContextAndGeneratedTokens()
    {
        var log = RequestLogReader.Read(Path.Combine(AppContext.BaseDirectory, "Logs", "Data", "azure-conv-20.csv"));

        Assert.Equal(20, log.Records.Count);
        Assert.Equal(374, log.Records[0].Buckets!.Value.UncachedInput);
        Assert.Equal(44, log.Records[0].Buckets!.Value.Output);
        Assert.Equal(new DateTime(2023, 11, 16, 18, 15, 46, DateTimeKind.Utc), log.Records[0].Timestamp!.Value.UtcDateTime.AddTicks(-6805900));
    }

    [Fact]
    public void Read_MooncakeTrace_HashesAndRelativeTime()
    {
        var log = RequestLogReader.Read(Path.Combine(AppContext.BaseDirectory, "Logs", "Data", "mooncake-conv-5.jsonl"));

        var first = log.Records[0];
        Assert.Equal(6_758, first.Buckets!.Value.UncachedInput);
        Assert.Equal(14, first.PrefixBlockHashes!.Count);
        Assert.Equal(TimeSpan.Zero, first.TraceOffset);
        Assert.Null(first.Timestamp);
    }

    [Fact]
    public void Parse_MixedJsonUsageNames_AllRowsRead()
    {
        var text = "{\"model\":\"m\",\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":10}}\n"
            + "{\"model\":\"m\",\"usage\":{\"input_tokens\":200,\"output_tokens\":20}}\n"
            + "{\"model\":\"m\",\"usage\":{\"input_tokens\":300,\"output_tokens\":30}}\n";

        var log = RequestLogReader.Parse(text, "log.jsonl");

        Assert.Equal(100, log.Records[0].Buckets!.Value.UncachedInput);
        Assert.Equal(200, log.Records[1].Buckets!.Value.UncachedInput);
        Assert.Equal(30, log.Records[2].Buckets!.Value.Output);
    }

    [Fact]
    public void Parse_JsonConventionPerRow_Decided()
    {
        // Row 1 is OpenAI (input includes the 40 cached tokens); row 2 is Anthropic (input excludes
        // the 40 cache reads). Both have 60 uncached input tokens.
        var text = "{\"prompt_tokens\":100,\"completion_tokens\":1,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":40}}\n"
            + "{\"input_tokens\":60,\"output_tokens\":1,\"cache_read_input_tokens\":40}\n";

        var log = RequestLogReader.Parse(text, "log.jsonl");

        Assert.Equal(60, log.Records[0].Buckets!.Value.UncachedInput);
        Assert.Equal(60, log.Records[1].Buckets!.Value.UncachedInput);
    }

    [Fact]
    public void Parse_UsageInUnreadColumn_Rejected()
    {
        var text = "model,prompt_tokens,completion_tokens,input_tokens,output_tokens\n"
            + "m,100,10,,\nm,,,200,20\n";

        var error = Assert.Throws<InvalidInputException>(() => RequestLogReader.Parse(text, "log.csv"));

        Assert.Contains(error.Problems, p => p.Line == 3 && p.Path == "input_tokens");
        Assert.Contains(error.Problems, p => p.Line == 3 && p.Message.Contains("prompt_tokens", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Problems, p => p.Line == 2);
    }

    [Theory]
    [InlineData("model;prompt_tokens;completion_tokens\nm;1;1\n", "model;prompt_tokens;completion_tokens")]
    [InlineData("gpt-4o,100,50\ngpt-4o,200,60\n", "gpt-4o, 100, 50")]
    public void Parse_NoUsageColumn_ListsColumnsAndMapHint(string text, string columns)
    {
        var error = Assert.Throws<InvalidInputException>(() => RequestLogReader.Parse(text, "log.csv"));

        var problem = Assert.Single(error.Problems);
        Assert.Contains(columns, problem.Message, StringComparison.Ordinal);
        Assert.Contains("--map usage.in=COLUMN", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RepeatedHeaderColumn_NamesIt()
    {
        var text = "model,prompt_tokens,completion_tokens,prompt_tokens\nm,1,1,2\n";

        var error = Assert.Throws<InvalidInputException>(() => RequestLogReader.Parse(text, "log.csv"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("prompt_tokens", problem.Path);
        Assert.Equal(1, problem.Line);
    }
}
