using Tokencast.Cli.Commands;

namespace Tokencast.Cli.Tests.Commands;

public sealed class IngestCommandTests : IDisposable
{
    private const string OpenAiLog = "timestamp,response_id,model,prompt_tokens,cached_tokens,completion_tokens\n"
        + "2026-07-01T00:00:00Z,r1,gpt-4o,2006,1920,300\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("tokencast-ingest-").FullName;

    private string StorePath => Path.Combine(_directory, "store");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Ingest_Log_PrintsEstimatedCost()
    {
        // gpt-4o: 86 x 2.5e-6 + 1,920 x 1.25e-6 + 300 x 1e-5 = 0.005615.
        var log = WriteFile("openai.csv", OpenAiLog);

        var (exitCode, output, error) = Run(log, "--store", StorePath);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("1 rows read, 1 calls, 1 tasks", output, StringComparison.Ordinal);
        Assert.Contains("estimated cost (tokens x catalog prices): 0.005615 USD", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_FeatureOption_NamesRowsWithoutAFeature()
    {
        var log = WriteFile("openai.csv", OpenAiLog);

        Run(log, "--store", StorePath, "--feature", "support-chat");

        var call = Assert.Single(new Tokencast.Core.Actuals.ActualsStore(StorePath).ReadUsage());
        Assert.Equal("support-chat", call.Feature);
    }

    [Fact]
    public void Ingest_TimeScale_MovesTimesAndSaysSo()
    {
        var log = WriteFile("openai.csv", OpenAiLog + "2026-07-01T00:02:30Z,r2,gpt-4o,10,0,1\n");

        var (exitCode, output, error) = Run(log, "--store", StorePath, "--time-scale", "2026-01-05=1440");

        // 150 s after the first call x 1440 = 2.5 days.
        var calls = new Tokencast.Core.Actuals.ActualsStore(StorePath).ReadUsage();
        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("the first call, 2026-07-01 00:00:00.000 UTC, is now 2026-01-05 00:00 UTC", output,
            StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), calls[0].Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 1, 7, 12, 0, 0, TimeSpan.Zero), calls[1].Timestamp);
    }

    [Theory]
    [InlineData("2026-01-05", "expected ORIGIN=FACTOR")]
    [InlineData("2026-13-05=1440", "the origin '2026-13-05' is not a date")]
    [InlineData("2026-01-05=0", "the factor '0' must be a finite number above 0")]
    [InlineData("2026-01-05=-2", "the factor '-2' must be a finite number above 0")]
    [InlineData("2026-01-05=Infinity", "the factor 'Infinity' must be a finite number above 0")]
    [InlineData("2026-01-05=NaN", "the factor 'NaN' must be a finite number above 0")]
    public void Ingest_BadTimeScale_NamesTheOption(string value, string message)
    {
        var log = WriteFile("openai.csv", OpenAiLog);

        var (exitCode, _, error) = Run(log, "--store", StorePath, "--time-scale", value);

        Assert.Equal(1, exitCode);
        Assert.Contains($"--time-scale: {message}", error, StringComparison.Ordinal);
        Assert.Contains($"(value: {value})", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(StorePath));
    }

    [Fact]
    public void Ingest_OverlappingExports_StoresEachResponseOnce()
    {
        var first = WriteFile("day1.csv", OpenAiLog);
        var second = WriteFile("day1-and-2.csv", OpenAiLog + "2026-07-02T00:00:00Z,r2,gpt-4o,1000,0,100\n");
        Run(first, "--store", StorePath);

        var (_, output, _) = Run(second, "--store", StorePath);

        Assert.Contains("1 calls already in the store left out", output, StringComparison.Ordinal);
        Assert.Equal(["r1", "r2"], new Tokencast.Core.Actuals.ActualsStore(StorePath).ReadUsage().Select(call => call.ResponseId));
    }

    [Fact]
    public void Ingest_SameFileTwice_SaysAlreadyImported()
    {
        var log = WriteFile("openai.csv", OpenAiLog);
        Run(log, "--store", StorePath);

        var (exitCode, output, _) = Run(log, "--store", StorePath);

        Assert.Equal(0, exitCode);
        Assert.Contains("openai.csv: already imported", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_BadRow_ExitsOneWithLine()
    {
        var log = WriteFile("bad.csv", OpenAiLog + "2026-07-01T00:00:00Z,r2,gpt-4o,lots,0,1\n");

        var (exitCode, _, error) = Run(log, "--store", StorePath);

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.csv:3:", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(StorePath));
    }

    [Fact]
    public void Ingest_BadRowSetAside_CountsIt()
    {
        var log = WriteFile("bad.csv", OpenAiLog + "2026-07-01T00:00:00Z,r2,gpt-4o,lots,0,1\n");

        var (exitCode, output, _) = Run(log, "--store", StorePath, "--set-aside");

        Assert.Equal(0, exitCode);
        Assert.Contains("1 rows set aside", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_Focus_PrintsBilledCost()
    {
        var focus = WriteFile("bill.csv", "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BilledCost,"
            + "EffectiveCost,ServiceProviderName,Tags\n"
            + "2025-03-01T00:00:00Z,2025-03-02T00:00:00Z,USD,0.1,0.1,Anthropic,\"{\"\"feature\"\":\"\"chat\"\"}\"\n"
            + "2025-03-02T00:00:00Z,2025-03-03T00:00:00Z,USD,0.2,0.15,Anthropic,\n");

        var (exitCode, output, error) =
            Run(focus, "--kind", "focus", "--feature-tag", "feature", "--store", StorePath);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("billed cost: 0.3 USD (effective cost 0.25 USD)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("estimated", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_FocusWithUsageOptions_NamesEach()
    {
        var focus = WriteFile("bill.csv", "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BilledCost,EffectiveCost\n"
            + "2025-03-01T00:00:00Z,2025-03-02T00:00:00Z,USD,0.1,0.1\n");

        var (exitCode, _, error) = Run(focus, "--kind", "focus", "--feature", "chat", "--model", "gpt-4o", "--store", StorePath);

        Assert.Equal(1, exitCode);
        Assert.Contains("--feature: applies to usage logs only, not to FOCUS billing exports; leave it out with --kind focus (value: chat)", error, StringComparison.Ordinal);
        Assert.Contains("(value: gpt-4o)", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(StorePath));
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = IngestCommand.Invoke(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
