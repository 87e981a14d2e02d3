using Tokencast.Core.Actuals;
using static Tokencast.Core.Tests.Actuals.ActualsTestData;

namespace Tokencast.Core.Tests.Actuals;

public sealed class TraceTimeScaleTests : IDisposable
{
    private const string Header = "task_id,timestamp,model,input_tokens,output_tokens\n";

    private readonly string _root = Directory.CreateTempSubdirectory("tokencast-time-scale-").FullName;
    private readonly UsageImportOptions _options = new() { PriceDate = PriceDate };

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    // With factor 1440 a minute after t0 becomes a day and 90 s become 36 h. With factor 2, 1.5 s become 3 s.
    [InlineData("2023-11-16 18:16:46", 1440, "2026-01-06T00:00:00+00:00")]
    [InlineData("2023-11-16 18:17:16", 1440, "2026-01-06T12:00:00+00:00")]
    [InlineData("2023-11-16 18:15:47.5", 2, "2026-01-05T00:00:03+00:00")]
    public void Read_TimeScale_MovesTimeFromEarliestCall(string time, double factor, string expected)
    {
        var text = Header + $"t1,{time},claude-opus,10,0\nt2,2023-11-16 18:15:46,claude-opus,10,0\n";
        var options = _options with { TimeScale = new TraceTimeScale(new DateOnly(2026, 1, 5), factor) };

        var batch = UsageActualReader.Read(text, "trace.csv", options, OpusCatalog);

        Assert.Equal(DateTimeOffset.Parse(expected), batch.Actuals[0].Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), batch.Actuals[1].Timestamp);
        Assert.Equal(new DateTimeOffset(2023, 11, 16, 18, 15, 46, TimeSpan.Zero), batch.TraceStart);
    }

    [Fact]
    public void Read_TimeScaleRowWithoutTime_KeepsNoTime()
    {
        var text = Header + "t1,2023-11-16 18:15:46,claude-opus,10,0\nt2,,claude-opus,10,0\n";
        var options = _options with { TimeScale = new TraceTimeScale(new DateOnly(2026, 1, 5), 1440) };

        var batch = UsageActualReader.Read(text, "trace.csv", options, OpusCatalog);

        Assert.Null(batch.Actuals[1].Timestamp);
    }

    [Fact]
    public void Read_TimeScaleWithoutTimes_NamesTheOption()
    {
        var text = Header + "t1,,claude-opus,10,0\n";
        var options = _options with { TimeScale = new TraceTimeScale(new DateOnly(2026, 1, 5), 1440) };

        var exception = Assert.Throws<InvalidInputException>(
            () => UsageActualReader.Read(text, "trace.csv", options, OpusCatalog));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("--time-scale", problem.Path);
        Assert.Contains("no row of this log has one", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TimeScalePastYear9999_NamesTheRow()
    {
        // 1 year x 10,000 from 2026 ends past 9999.
        var text = Header + "t1,2023-01-01 00:00:00,claude-opus,10,0\nt2,2024-01-01 00:00:00,claude-opus,10,0\n";
        var options = _options with { TimeScale = new TraceTimeScale(new DateOnly(2026, 1, 5), 10_000) };

        var exception = Assert.Throws<InvalidInputException>(
            () => UsageActualReader.Read(text, "trace.csv", options, OpusCatalog));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal("2026-01-05=10000", problem.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_FactorNotPositiveFinite_Throws(double factor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TraceTimeScale(new DateOnly(2026, 1, 5), factor));
    }

    [Fact]
    public void Describe_TimeScale_AddedOnlyWhenSet()
    {
        var scaled = _options with { TimeScale = new TraceTimeScale(new DateOnly(2026, 1, 5), 1440) };

        Assert.DoesNotContain("time-scale", _options.Describe(), StringComparison.Ordinal);
        Assert.EndsWith(";time-scale=2026-01-05=1440", scaled.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void ImportUsage_TimeScale_RecordedInManifestEntry()
    {
        var log = Path.Combine(_root, "trace.csv");
        File.WriteAllText(log, Header + "t1,2023-11-16 18:15:46,claude-opus,10,0\n");
        var scale = new TraceTimeScale(new DateOnly(2026, 1, 5), 1440);
        var store = new ActualsStore(Path.Combine(_root, "store"));

        store.ImportUsage(log, _options with { TimeScale = scale }, OpusCatalog);

        var import = Assert.Single(new ActualsStore(store.Directory).ListImports());
        Assert.Equal(scale, import.TimeScale);
        Assert.Equal(new DateTimeOffset(2023, 11, 16, 18, 15, 46, TimeSpan.Zero), import.TimeScaleTraceStart);
        Assert.Contains("time-scale=2026-01-05=1440", import.Options, StringComparison.Ordinal);
    }
}
