using Tokencast.Cli.Commands;

namespace Tokencast.Cli.Tests.Commands;

/// <summary>The argument errors of <c>tokencast schedule</c>, found before any cluster is contacted.</summary>
public sealed class ScheduleCommandTests
{
    private const string Connection = "Host=127.0.0.1;Database=tokencast";

    [Fact]
    public void Set_NoCluster_SaysSiloIsNeeded()
    {
        var (exitCode, output, error) = Schedule("set", "assistant", ExampleForecastRuns.ExamplePath);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("error: --cluster: is required: a schedule lives on a cluster", error, StringComparison.Ordinal);
        Assert.Contains("start silos with tokencast silo", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_BadCron_NamesOptionAndValue()
    {
        var (exitCode, _, error) = Schedule(
            "set", "assistant", ExampleForecastRuns.ExamplePath, "--cron", "0 6 * *", "--cluster", Connection);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: --cron: is not a cron expression", error, StringComparison.Ordinal);
        Assert.Contains("(value: 0 6 * *)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_BadCronAndNoCluster_ListsBoth()
    {
        var (exitCode, _, error) = Schedule(
            "set", "assistant", ExampleForecastRuns.ExamplePath, "--cron", "61 * * * *", "--window-days", "0");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: --cron: is not a cron expression", error, StringComparison.Ordinal);
        Assert.Contains("error: --window-days: must be from 1 to 366 days (value: 0)", error, StringComparison.Ordinal);
        Assert.Contains("error: --cluster: is required", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("remove")]
    [InlineData("run")]
    public void Subcommand_NoCluster_IsRejected(string subcommand)
    {
        var (exitCode, _, error) = Schedule(subcommand, "assistant");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: --cluster: is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadCutOff_NamesOption()
    {
        var (exitCode, _, error) = Schedule("run", "assistant", "--cut-off", "2026-02-30", "--cluster", Connection);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: --cut-off: is not a date; write YYYY-MM-DD (value: 2026-02-30)", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Schedule(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = ScheduleCommand.Invoke(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
