using System.Text.Json;
using Tokencast.Cli.Commands;
using Tokencast.Core;
using Tokencast.Core.Calibration;

namespace Tokencast.Cli.Tests.Commands;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokencast-calibrate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Execute_TableFormat_PrintsCandidatesPerTokenColumn()
    {
        var log = CreateLog("Support Chat.csv");
        using var output = new StringWriter();

        var settings = new CalibrateSettings([log], null, null, "table");

        var exitCode = CalibrateCommand.Execute(settings, ReadFake, output);

        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("support-chat", text, StringComparison.Ordinal);
        Assert.Contains("input tokens: n 400, zero share 0", text, StringComparison.Ordinal);
        Assert.Contains("output tokens: n 400, zero share 0.25", text, StringComparison.Ordinal);
        Assert.Contains("lognormal_pareto", text, StringComparison.Ordinal);
        Assert.Contains("(chosen)", text, StringComparison.Ordinal);
        Assert.Contains("turns per conversation: 100 conversations, mean 4", text, StringComparison.Ordinal);
        Assert.Contains("prefix cache: not available", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_RealMooncakeTrace_ReplaysPrefixCache()
    {
        // The Mooncake slice carries 512-token prefix block hashes; with an unbounded cache 34.72 % of its
        // prompt tokens are prefix hits, and the fragment bills that share as cache reads.
        var trace = Path.Combine(AppContext.BaseDirectory, "examples", "data", "mooncake-fast25", "conversation_trace_shared_0-30min.jsonl");
        var fragment = Path.Combine(_directory, "long-chat.yaml");
        using var output = new StringWriter();

        var exitCode = CalibrateCommand.Execute(
            new CalibrateSettings([trace], "long-chat", fragment, "table"), RequestLogObservations.Read, output);

        var text = output.ToString();
        var yaml = File.ReadAllText(fragment);
        Assert.Equal(0, exitCode);
        Assert.Contains("5719 requests", text, StringComparison.Ordinal);
        Assert.Contains("unbounded 0.3472 of tokens", text, StringComparison.Ordinal);
        Assert.Contains("prefix: prompt_share", yaml, StringComparison.Ordinal);
        Assert.Contains("hit_rate: 0.2812", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_InvalidFeatureAndDirectoryOut_ReportsBoth()
    {
        var log = CreateLog("chat.csv");

        var exception = Assert.Throws<InvalidInputException>(() => CalibrateCommand.Execute(
            new CalibrateSettings([log], "Support Chat", _directory, "table"), ReadFake, TextWriter.Null));

        Assert.Contains(exception.Problems, p => p.Path == "--feature" && p.Message.Contains("support-chat", StringComparison.Ordinal));
        Assert.Contains(exception.Problems, p => p.Path == "--out" && p.Value == _directory);
    }

    [Fact]
    public void Execute_OutInMissingDirectory_CreatesIt()
    {
        var log = CreateLog("chat.csv");
        var fragment = Path.Combine(_directory, "new", "deeper", "calibrated.yaml");

        var exitCode = CalibrateCommand.Execute(new CalibrateSettings([log], null, fragment, "table"), ReadFake, TextWriter.Null);

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(fragment));
    }

    [Fact]
    public void Execute_JsonFormat_PrintsParseableReport()
    {
        var log = CreateLog("chat.jsonl");
        using var output = new StringWriter();

        CalibrateCommand.Execute(new CalibrateSettings([log], "assistant", null, "json"), ReadFake, output);

        using var document = JsonDocument.Parse(output.ToString());
        var feature = document.RootElement.GetProperty("features")[0];
        Assert.Equal("assistant", feature.GetProperty("feature").GetString());
        Assert.Equal(400, feature.GetProperty("request_count").GetInt32());
        Assert.Equal(0.25, feature.GetProperty("output_tokens").GetProperty("zero_share").GetDouble());
        Assert.Equal(100, feature.GetProperty("turns").GetProperty("conversation_count").GetInt32());
    }

    [Fact]
    public void Execute_OutFile_WritesFragmentAndEmpiricalSample()
    {
        var log = CreateLog("chat.csv");
        var fragment = Path.Combine(_directory, "calibrated.yaml");

        var settings = new CalibrateSettings([log], null, fragment, "table");

        CalibrateCommand.Execute(settings, ReadFake, TextWriter.Null);

        var yaml = File.ReadAllText(fragment);
        // A quarter of the output counts are 0, so the output column is resampled from the written file.
        var expected = "output_tokens: {empirical: {file: calibrated.chat.csv, column: output_tokens}}";
        Assert.Contains(expected, yaml, StringComparison.Ordinal);
        var sample = File.ReadAllLines(Path.Combine(_directory, "calibrated.chat.csv"));
        Assert.Equal("input_tokens,output_tokens,reasoning_tokens", sample[0]);
        Assert.Equal(401, sample.Length);
        Assert.Equal("100,0,", sample[1]);
    }

    [Fact]
    public void Execute_MissingLogs_ReportsEveryMissingFile()
    {
        var first = Path.Combine(_directory, "a.csv");
        var second = Path.Combine(_directory, "b.csv");

        var settings = new CalibrateSettings([first, second], null, null, "table");

        var exception = Assert.Throws<InvalidInputException>(
            () => CalibrateCommand.Execute(settings, ReadFake, TextWriter.Null));

        Assert.Equal([first, second], exception.Problems.Select(p => p.File));
    }

    [Fact]
    public void Invoke_MissingLog_ExitsWithOneAndNoStackTrace()
    {
        var command = CalibrateCommand.Create(ReadFake);
        var missing = Path.Combine(_directory, "absent.csv");
        using var error = new StringWriter();
        var originalError = Console.Error;
        Console.SetError(error);
        try
        {
            var exitCode = command.Parse([missing]).Invoke();

            Assert.Equal(1, exitCode);
            var expected = $"error: {missing}: The log file was not found";
            Assert.StartsWith(expected, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetError(originalError);
        }
    }

    [Fact]
    public void Parse_UnknownFormat_IsRejected()
    {
        var result = CalibrateCommand.Create(ReadFake).Parse(["log.csv", "--format", "xml"]);

        Assert.NotEmpty(result.Errors);
    }

    [Theory]
    [InlineData("logs/Support Chat.csv", "support-chat")]
    [InlineData("Trace_conv_shared_1815-1845.csv", "trace_conv_shared_1815-1845")]
    [InlineData("trace.v2.jsonl", "trace-v2")]
    [InlineData("$$$.csv", "feature")]
    public void FeatureIdOf_FileName_IsLowerCaseWithDashes(string path, string expected)
    {
        Assert.Equal(expected, CalibrateCommand.FeatureIdOf(path));
    }

    private string CreateLog(string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "contents are ignored by the fake reader\n");
        return path;
    }

    // 400 requests in 100 conversations of 4 turns; input 100, 101, ... tokens; every fourth output is 0.
    private static IReadOnlyList<TokenObservation> ReadFake(string path, string defaultFeature) =>
        Enumerable.Range(0, 400)
            .Select(i => new TokenObservation(
                defaultFeature,
                ConversationId: (i / 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Timestamp: DateTimeOffset.UnixEpoch.AddSeconds(i * 9),
                InputTokens: 100 + i,
                OutputTokens: i % 4 == 0 ? 0 : 20 + (i % 37),
                ReasoningTokens: null,
                PrefixBlockHashes: null,
                SourceLine: i + 1,
                path))
            .ToList();
}
