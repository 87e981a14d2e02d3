using System.Globalization;
using System.Text;
using Tokencast.Cli.Commands;
using Tokencast.Core.Actuals;

namespace Tokencast.Cli.Tests.Commands;

public sealed class ReforecastCommandTests : IDisposable
{
    // Expects 1,000 users x 0.4 adoption x 20 tasks = 8,000 tasks a month.
    private const string Scenario = """
        name: small
        start_month: 2026-01
        horizon_months: 6
        trials: 100
        features:
          - id: chat
            model: gpt-4o-mini
            input_tokens: 400
            output_tokens: 200
        cohorts:
          - id: smb
            users: 1000
            features:
              chat: {adoption: 0.4, tasks_per_active_user: 20}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("tokencast-reforecast-").FullName;

    public ReforecastCommandTests()
    {
        File.WriteAllText(ScenarioPath, Scenario);
        Ingest(DailyLog(days: 35));
    }

    private string ScenarioPath => Path.Combine(_directory, "small.yaml");

    private string StorePath => Path.Combine(_directory, "store");

    private string HistoryPath => Path.Combine(_directory, "history");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reforecast_FirstCutOff_StoresVersionOne()
    {
        var (exitCode, output, error) = Reforecast("2026-02-02");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("stored version 1 of small (cut-off 2026-02-02)", output, StringComparison.Ordinal);
        Assert.Contains("cohorts.smb.features.chat.tasks_per_active_user", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_SameCutOffTwice_StoresNothingNew()
    {
        Reforecast("2026-02-02");

        var (exitCode, output, _) = Reforecast("2026-02-02");

        Assert.Equal(0, exitCode);
        Assert.Contains("version 1 of small already has cut-off 2026-02-02 and these inputs; nothing run", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_LaterCutOff_StoresVersionTwo()
    {
        Reforecast("2026-02-02");

        var (_, output, _) = Reforecast("2026-02-09");

        Assert.Contains("stored version 2 of small (cut-off 2026-02-09)", output, StringComparison.Ordinal);
        Assert.Contains("horizon spend, version 1 to 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_StartMonthMoved_ComparesCommonMonths()
    {
        Reforecast("2026-01-20");

        var (exitCode, output, _) = Reforecast("2026-02-09");

        Assert.Equal(0, exitCode);
        Assert.Contains("the horizons of versions 1 and 2 differ", output, StringComparison.Ordinal);
        Assert.Contains("│ baseline │ 2026-02 │", output, StringComparison.Ordinal);
        Assert.DoesNotContain("│ baseline │ 2026-01 │", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_OtherBills_CountedAsLeftOut()
    {
        Reforecast("2026-02-02");
        // The period is 2026-02-02 to 2026-02-08. The USD row inside it counts. The EUR row and the USD row
        // that starts on 2026-01-30 touch the period, so they are counted as left out.
        var bills = Path.Combine(_directory, "bills.csv");
        File.WriteAllText(bills, "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BilledCost,EffectiveCost\n"
            + "2026-02-03,2026-02-04,USD,0.50,0.50\n2026-02-03,2026-02-04,EUR,0.30,0.30\n"
            + "2026-01-30,2026-02-05,USD,1.60,1.60\n");
        new ActualsStore(StorePath).ImportBilled(bills, new FocusImportOptions());

        var (exitCode, output, _) = Reforecast("2026-02-09");

        Assert.Equal(0, exitCode);
        Assert.Contains("billed (FOCUS) $0.50", output, StringComparison.Ordinal);
        Assert.Contains("billed: 2 FOCUS rows that touch the period are left out", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_NoWholeWeek_SaysSo()
    {
        Reforecast("2026-02-02");

        var (exitCode, output, _) = Reforecast("2026-02-06");

        Assert.Equal(0, exitCode);
        Assert.Contains("weekly check: the period 2026-02-02 to 2026-02-05 contains no whole ISO week", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-12-01")]
    [InlineData("2026-01-01")]
    public void Reforecast_CutOffNotAfterFirstDay_IsRejected(string cutOff)
    {
        var (exitCode, _, error) = Reforecast(cutOff);

        Assert.Equal(1, exitCode);
        Assert.Contains($"--cut-off: is not after the scenario's first day 2026-01-01", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(HistoryPath));
    }

    [Fact]
    public void Reforecast_CutOffAfterTheHorizon_IsRejected()
    {
        var (exitCode, _, error) = Reforecast("2026-07-01");

        Assert.Equal(1, exitCode);
        Assert.Contains("--cut-off: is after the scenario's last month 2026-06", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_CutOffBeforeThePrevious_IsRejected()
    {
        Reforecast("2026-02-09");

        var (exitCode, _, error) = Reforecast("2026-02-02");

        Assert.Equal(1, exitCode);
        Assert.Contains("is before the cut-off 2026-02-09 of version 1 of small", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_UnknownBranch_StoresNothing()
    {
        Reforecast("2026-02-02");

        var (exitCode, output, error) = Reforecast("2026-02-09", "--branch", "nosuch");

        Assert.Equal(1, exitCode);
        Assert.Contains("--branch: version 1 of small has no such branch", error, StringComparison.Ordinal);
        Assert.DoesNotContain("stored version 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_NoActuals_Warns()
    {
        var (exitCode, _, error) = Reforecast("2026-01-05");

        Assert.Equal(0, exitCode);
        Assert.Contains("warning: no actuals in the 28 days before 2026-01-05 match a feature", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_BadCutOff_NamesTheOption()
    {
        var (exitCode, _, error) = Reforecast("2026-02-30");

        Assert.Equal(1, exitCode);
        Assert.Contains("--cut-off: is not a date; write YYYY-MM-DD (value: 2026-02-30)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_NoStore_SaysToIngestFirst()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = ReforecastCommand.Invoke(
            [ScenarioPath, "--name", "small", "--store", Path.Combine(_directory, "none"), "--history", HistoryPath], output, error);

        Assert.Equal(1, exitCode);
        Assert.Contains("no actuals store here; import usage with tokencast ingest first", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reforecast_VolumeDoubled_AlertsAboveHighWithVolumePart()
    {
        Reforecast("2026-02-02");

        // Nine more tasks a day in the week of 2 February, each like a task of the first log.
        Ingest(DailyLog(days: 7, first: new DateOnly(2026, 2, 2), prefix: "extra"));
        var (exitCode, output, error) = Reforecast("2026-02-09");

        Assert.Equal(0, exitCode);
        Assert.Contains("actual against version 1, 2026-02-02 to 2026-02-08, branch baseline", output, StringComparison.Ordinal);
        Assert.Contains("alert: week 2026-W06 (2026-02-02 to 2026-02-08): actual estimated spend", error, StringComparison.Ordinal);
        Assert.Contains("is above P90", error, StringComparison.Ordinal);
        Assert.Contains("; features: chat +$", error, StringComparison.Ordinal);
        Assert.Contains("; parts: volume +$", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(HistoryPath, "small", "000002.review.json")));
    }

    [Fact]
    public void Reforecast_QuietWeek_NoAlert()
    {
        Reforecast("2026-02-02");

        var (exitCode, output, error) = Reforecast("2026-02-09");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("2026-W06", output, StringComparison.Ordinal);
        Assert.Contains("in band", output, StringComparison.Ordinal);
    }

    /// <summary>Nine one-call tasks a day from Monday 2026-01-05, with token counts that vary by a fixed pattern.</summary>
    private string DailyLog(int days, DateOnly? first = null, string prefix = "d")
    {
        var text = new StringBuilder("timestamp,feature,model,task_id,input_tokens,output_tokens\n");
        var start = (first ?? new DateOnly(2026, 1, 5)).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        for (var day = 0; day < days; day++)
        {
            for (var task = 0; task < 9; task++)
            {
                var time = start.AddDays(day).AddMinutes(7 * task);
                var input = 300 + (((day * 13) + (task * 29)) % 17 * 25);
                var output = 120 + (((day * 7) + (task * 11)) % 13 * 15);
                text.Append(CultureInfo.InvariantCulture, $"{time:yyyy-MM-ddTHH:mm:ssZ},chat,gpt-4o-mini,{prefix}{day}t{task},{input},{output}\n");
            }
        }

        var path = Path.Combine(_directory, prefix + ".csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private void Ingest(string log) => StoreImports.Ingest(log, StorePath);

    private (int ExitCode, string Output, string Error) Reforecast(string cutOff, params string[] more)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = ReforecastCommand.Invoke(
            [ScenarioPath, "--name", "small", "--cut-off", cutOff, "--store", StorePath, "--history", HistoryPath, .. more], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
