using Tokencast.Cli.Commands;

namespace Tokencast.Cli.Tests;

public sealed class CostCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokencast-cost-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteLog(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CostCommand.Invoke(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Cost_OpenAiCsv_PrintsTotals()
    {
        // gpt-4o: 86 x 2.5e-6 + 1,920 x 1.25e-6 + 300 x 1e-5 = 0.005615.
        var log = WriteLog("openai.csv",
            "timestamp,model,feature,prompt_tokens,cached_tokens,completion_tokens\n"
            + "2026-07-01T00:00:00Z,gpt-4o,chat,2006,1920,300\n");

        var (exitCode, output, error) = Run(log, "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("\"total_usd\": 0.005615", output, StringComparison.Ordinal);
        Assert.Contains("\"chat\": 0.005615", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_AnthropicJsonl_PrintsTable()
    {
        // claude-sonnet-4-5: 3 x 3e-6 + 12,304 x 3.75e-6 + 550 x 1.5e-5 = 0.054399.
        var log = WriteLog("anthropic.jsonl",
            """{"id":"msg_1","model":"claude-sonnet-4-5","usage":{"input_tokens":3,"cache_creation_input_tokens":12304,"cache_read_input_tokens":0,"output_tokens":550}}"""
            + "\n");

        var (exitCode, output, _) = Run(log, "--price-date", "2026-07-01");

        Assert.Equal(0, exitCode);
        Assert.Contains("claude-sonnet-4-5", output, StringComparison.Ordinal);
        Assert.Contains("0.054399", output, StringComparison.Ordinal);
        Assert.Contains("rows without a date, priced at 2026-07-01", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_OpenTelemetryNames_Priced()
    {
        // gpt-4o: 100 x 2.5e-6 + 600 x 1.25e-6 + 50 x 1e-5 = 0.00025 + 0.00075 + 0.0005 = 0.0015.
        var log = WriteLog("spans.jsonl",
            """{"gen_ai.request.model":"gpt-4o","gen_ai.usage.input_tokens":700,"gen_ai.usage.cache_read.input_tokens":600,"gen_ai.usage.output_tokens":50}"""
            + "\n");

        var (exitCode, output, _) = Run(log, "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"total_usd\": 0.0015", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_UnknownModel_ExitOneWithSuggestions()
    {
        var log = WriteLog("unknown.csv", "model,prompt_tokens,completion_tokens\ngpt-4o,1,1\ngpt4o,1,1\n");

        var (exitCode, output, error) = Run(log);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("unknown.csv:3:", error, StringComparison.Ordinal);
        Assert.Contains("'gpt4o'", error, StringComparison.Ordinal);
        Assert.Contains("Did you mean gpt-4o", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_BadRows_ExitOneListingEachLine()
    {
        var log = WriteLog("bad.csv",
            "model,prompt_tokens,cached_tokens,completion_tokens\ngpt-4o,10,20,1\ngpt-4o,-5,0,1\n");

        var (exitCode, _, error) = Run(log);

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.csv:2:", error, StringComparison.Ordinal);
        Assert.Contains("bad.csv:3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_CsvFormat_KeepsInputOrderAndColumns()
    {
        var log = WriteLog("rows.csv",
            "id,model,note,input_tokens,output_tokens\n"
            + "r1,gpt-4o,\"a, b\",1000,0\n"
            + "r2,gpt-4o,,,\n"
            + "r1,gpt-4o,final,1000,100\n");

        var (exitCode, output, _) = Run(log, "--format", "csv", "--price-date", "2026-07-01");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal("id,model,note,input_tokens,output_tokens,cost_usd,cost_status", lines[0]);
        Assert.Equal("r1,gpt-4o,\"a, b\",1000,0,,duplicate of line 4", lines[1]);
        Assert.Equal("r2,gpt-4o,,,,,no usage", lines[2]);
        // 1,000 x 2.5e-6 + 100 x 1e-5 = 0.0035.
        Assert.Equal("r1,gpt-4o,final,1000,100,0.0035,priced", lines[3]);
    }

    [Fact]
    public void Cost_CustomCatalog_UsedInPlaceOfBundled()
    {
        var catalog = WriteLog("catalog.json", """{"my-model": {"input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6}}""");
        var log = WriteLog("custom.csv", "model,prompt_tokens,completion_tokens\nmy-model,1000,1000\n");

        var (exitCode, output, _) = Run(log, "--catalog", catalog, "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"total_usd\": 0.003", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_CatalogWithUnitError_ExitOne()
    {
        var catalog = WriteLog("bad-catalog.json", """{"m": {"input_cost_per_token": 3.0}}""");
        var log = WriteLog("l.csv", "model,prompt_tokens,completion_tokens\nm,1,1\n");

        var (exitCode, _, error) = Run(log, "--catalog", catalog);

        Assert.Equal(1, exitCode);
        Assert.Contains("unit error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_AmbiguousColumnsWithConvention_Priced()
    {
        // Anthropic reading: 100 uncached x 2.5e-6 + 40 cached x 1.25e-6 = 0.00025 + 0.00005.
        var log = WriteLog("ambiguous.csv", "model,input_tokens,output_tokens,cached_tokens\ngpt-4o,100,0,40\n");

        var (failedExit, _, error) = Run(log);
        var (exitCode, output, _) = Run(log, "--convention", "anthropic", "--format", "json");

        Assert.Equal(1, failedExit);
        Assert.Contains("--convention", error, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.Contains("\"total_usd\": 0.0003", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_MapOption_ReadsNamedColumns()
    {
        var log = WriteLog("mapped.csv", "engine,in,out\ngpt-4o,1000,0\n");

        var (exitCode, output, _) = Run(log, "--map", "model=engine", "--map", "usage.in=in", "--map", "usage.out=out",
            "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"total_usd\": 0.0025", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_MissingFile_ExitOne()
    {
        var (exitCode, _, error) = Run(Path.Combine(_directory, "missing.csv"));

        Assert.Equal(1, exitCode);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_MixedUsageNamesJsonl_PricesEveryRow()
    {
        // gpt-4o at 2.5e-6 input and 1e-5 output: 3 rows of 1,000 in and 100 out = 3 x 0.0035 = 0.0105.
        var row = "\"timestamp\":\"2026-07-01T00:00:00Z\",\"model\":\"gpt-4o\"";
        var log = WriteLog("mixed.jsonl",
            $"{{{row},\"prompt_tokens\":1000,\"completion_tokens\":100}}\n"
            + $"{{{row},\"input_tokens\":1000,\"output_tokens\":100}}\n"
            + $"{{{row},\"input_tokens\":1000,\"output_tokens\":100}}\n");

        var (exitCode, output, _) = Run(log, "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"total_usd\": 0.0105", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_SemicolonCsv_ExitOneWithMapHint()
    {
        var log = WriteLog("semi.csv", "model;prompt_tokens;completion_tokens\ngpt-4o;10;5\n");

        var (exitCode, output, error) = Run(log);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("model;prompt_tokens;completion_tokens", error, StringComparison.Ordinal);
        Assert.Contains("--map usage.in=COLUMN", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_UnknownModel_SuggestsCatalogNotOverride()
    {
        var log = WriteLog("unknown.csv", "model,prompt_tokens,completion_tokens\ngpt-4oo,10,5\n");

        var (exitCode, _, error) = Run(log);

        Assert.Equal(1, exitCode);
        Assert.Contains("--catalog", error, StringComparison.Ordinal);
        Assert.DoesNotContain("override", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_BadMapField_ListsEveryField()
    {
        var log = WriteLog("map.csv", "model,prompt_tokens,completion_tokens\ngpt-4o,10,5\n");

        var (exitCode, _, error) = Run(log, "--map", "tokens=prompt_tokens");

        Assert.Equal(1, exitCode);
        Assert.Contains("usage.cache_write_1h", error, StringComparison.Ordinal);
        Assert.Contains("hash_ids.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_MapMissingColumn_PlainFieldName()
    {
        var log = WriteLog("missing.csv", "model,prompt_tokens,completion_tokens\ngpt-4o,10,5\n");

        var (exitCode, _, error) = Run(log, "--map", "usage.in=tokens_in");

        Assert.Equal(1, exitCode);
        Assert.Contains("input tokens column", error, StringComparison.Ordinal);
        Assert.DoesNotContain("InputTokens", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_CatalogStringPrice_ExitOne()
    {
        var catalog = WriteLog("prices.json", "{\"my-model\": {\"input_cost_per_token\": \"1e-06\"}}");
        var log = WriteLog("log.csv", "model,prompt_tokens,completion_tokens\nmy-model,10,5\n");

        var (exitCode, _, error) = Run(log, "--catalog", catalog);

        Assert.Equal(1, exitCode);
        Assert.Contains("my-model.input_cost_per_token", error, StringComparison.Ordinal);
        Assert.Contains("expected a number", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
