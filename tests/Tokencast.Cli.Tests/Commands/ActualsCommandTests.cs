using System.Globalization;
using System.Text;
using Tokencast.Cli.Commands;

namespace Tokencast.Cli.Tests.Commands;

public sealed class ActualsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokencast-actuals-").FullName;

    private string StorePath => Path.Combine(_directory, "store");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Actuals_OutputDoubles_FlagsShiftUp()
    {
        // Sixteen weeks from Monday 2026-01-05; from the fifteenth (2026-04-13) each task writes twice the output.
        Ingest(WeeklyLog(weeks: 16, shiftWeek: 14));

        var (exitCode, output, error) = Run("--store", StorePath);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        // The alarm comes in the week of the step. The estimated start can be a week early: the week before
        // lies above the baseline mean by more than the slack, so the sum had already left zero.
        Assert.Matches(@"up from the week of 2026-04-(06|13) \(flagged 2026-04-13\)", output);
    }

    [Fact]
    public void Actuals_FewWeeks_ShiftNotTested()
    {
        Ingest(WeeklyLog(weeks: 3, shiftWeek: 99));

        var (_, output, _) = Run("--store", StorePath);

        Assert.Contains("not tested: 3 priced weeks; the test needs 12 for the baseline", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Actuals_Csv_RowPerFeatureMonth()
    {
        Ingest(WeeklyLog(weeks: 3, shiftWeek: 99));

        var (_, output, _) = Run("--store", StorePath, "--period", "month", "--format", "csv");

        var lines = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("feature,period_start,tasks,", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("chat,2026-01-01,30,0,1,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Actuals_FromAfterUntil_IsRejected()
    {
        Ingest(WeeklyLog(weeks: 1, shiftWeek: 99));

        var (exitCode, _, error) = Run("--store", StorePath, "--from", "2026-02-20", "--until", "2026-02-01");

        Assert.Equal(1, exitCode);
        Assert.Contains("--until: must be after --from 2026-02-20", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Actuals_NoStore_SaysToIngestFirst()
    {
        var (exitCode, _, error) = Run("--store", Path.Combine(_directory, "none"));

        Assert.Equal(1, exitCode);
        Assert.Contains("no actuals store here; import files with tokencast ingest first", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Actuals_BadDate_NamesTheOption()
    {
        Ingest(WeeklyLog(weeks: 1, shiftWeek: 99));

        var (exitCode, _, error) = Run("--store", StorePath, "--from", "2026-13-01");

        Assert.Equal(1, exitCode);
        Assert.Contains("--from: is not a date; write YYYY-MM-DD (value: 2026-13-01)", error, StringComparison.Ordinal);
    }

    /// <summary>Ten tasks a week of one call each, with input tokens that vary so the weekly costs have spread.</summary>
    private string WeeklyLog(int weeks, int shiftWeek)
    {
        var text = new StringBuilder("timestamp,feature,model,task_id,input_tokens,output_tokens\n");
        var monday = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        for (var week = 0; week < weeks; week++)
        {
            for (var task = 0; task < 10; task++)
            {
                var time = monday.AddDays((7 * week) + (task % 5)).AddMinutes(task);
                var input = 1000 + (((week * 7) + (task * 3)) % 11 * 40);
                var output = week >= shiftWeek ? 800 : 400;
                text.Append(CultureInfo.InvariantCulture,
                    $"{time:yyyy-MM-ddTHH:mm:ssZ},chat,gpt-4o-mini,w{week}t{task},{input},{output}\n");
            }
        }

        var path = Path.Combine(_directory, "log.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private void Ingest(string log) => StoreImports.Ingest(log, StorePath);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = ActualsCommand.Invoke(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
