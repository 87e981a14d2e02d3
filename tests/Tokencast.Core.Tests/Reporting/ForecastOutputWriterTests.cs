using System.Text.Json;
using Tokencast.Core.Reporting;

namespace Tokencast.Core.Tests.Reporting;

public sealed class ForecastOutputWriterTests : IDisposable
{
    private static readonly ReportContext Context = new(
        "sample.yaml",
        "tokencast forecast sample.yaml",
        new DateTimeOffset(2027, 1, 5, 9, 30, 0, TimeSpan.Zero));

    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "tokencast-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void WriteAll_MissingDirectory_CreatesFourFiles()
    {
        var output = Path.Combine(_directory, "run");

        var files = ForecastOutputWriter.WriteAll(SampleForecasts.TwoBranches(), output, Context);

        string[] expected = ["bands.csv", "bands.json", "cost_per_task.csv", "report.html"];
        var written = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, written);
        Assert.Equal(Path.Combine(Path.GetFullPath(output), "bands.csv"), files.BandsCsv);
        Assert.All(files.All, path => Assert.True(new FileInfo(path).Length > 0, path));
    }

    [Fact]
    public void WriteAll_Files_MatchTheSingleWriters()
    {
        var result = SampleForecasts.TwoBranches();

        var files = ForecastOutputWriter.WriteAll(result, _directory, Context);

        Assert.Equal(BandsCsvWriterTests.Text(result), File.ReadAllText(files.BandsCsv));
        using var document = JsonDocument.Parse(File.ReadAllBytes(files.BandsJson));
        Assert.Equal("sample", document.RootElement.GetProperty("scenario").GetString());
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(files.Report), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAll_Csv_HasNoByteOrderMark()
    {
        var files = ForecastOutputWriter.WriteAll(SampleForecasts.TwoBranches(), _directory, Context);

        Assert.Equal((byte)'b', File.ReadAllBytes(files.BandsCsv)[0]);
    }

    [Fact]
    public void WriteAll_Twice_ReplacesFiles()
    {
        ForecastOutputWriter.WriteAll(SampleForecasts.TwoBranches(), _directory, Context);
        var growthOnly = SampleForecasts.OneBranch(withBudget: false);
        var files = ForecastOutputWriter.WriteAll(growthOnly, _directory, Context);

        Assert.Equal(4, Directory.GetFiles(_directory).Length);
        Assert.DoesNotContain("baseline", File.ReadAllText(files.BandsCsv), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAtomically_WriterThrows_KeepsOlderFiles()
    {
        Directory.CreateDirectory(_directory);
        var first = Path.Combine(_directory, "first.txt");
        var second = Path.Combine(_directory, "second.txt");
        File.WriteAllText(first, "old first");
        File.WriteAllText(second, "old second");

        var error = Assert.Throws<IOException>(() => ForecastOutputWriter.WriteAtomically(
            _directory,
            [
                new ForecastOutputWriter.OutputFile("first.txt", stream => stream.Write("new first"u8)),
                new ForecastOutputWriter.OutputFile("second.txt", stream =>
                {
                    stream.Write("half of the new"u8);
                    throw new IOException("disk full");
                }),
            ]));

        Assert.Equal("disk full", error.Message);
        Assert.Equal("old first", File.ReadAllText(first));
        Assert.Equal("old second", File.ReadAllText(second));
        Assert.Equal(2, Directory.GetFiles(_directory).Length);
    }
}
