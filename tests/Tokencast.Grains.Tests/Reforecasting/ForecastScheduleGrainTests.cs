using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;
using Tokencast.Core;
using Tokencast.Core.History;

namespace Tokencast.Grains.Tests.Reforecasting;

/// <summary>
/// The schedule grain on one shared silo with in-memory reminders, reading a small actuals store: 35 days of
/// nine tasks a day from Monday 2026-01-05. Each test uses a forecast name of its own.
/// </summary>
public class ForecastScheduleGrainTests(ForecastScheduleGrainTests.SiloFixture silo)
    : IClassFixture<ForecastScheduleGrainTests.SiloFixture>
{
    private static readonly DateOnly FirstCutOff = new(2026, 2, 2);
    private static readonly DateOnly SecondCutOff = new(2026, 2, 9);
    private static readonly TimeSpan EventTimeout = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("cron", "0 6 * *", "0 6 * *", 28, null, "baseline", 10, 90)]
    [InlineData("cron", "0 0 30 2 *", "0 0 30 2 *", 28, null, "baseline", 10, 90)]
    [InlineData("window_days", "0", ScheduleDefinition.Weekly, 0, null, "baseline", 10, 90)]
    [InlineData("window_days", "367", ScheduleDefinition.Weekly, 367, null, "baseline", 10, 90)]
    [InlineData("trials", "0", ScheduleDefinition.Weekly, 28, 0, "baseline", 10, 90)]
    [InlineData("trials", "10000001", ScheduleDefinition.Weekly, 28, 10_000_001, "baseline", 10, 90)]
    [InlineData("branch", "nosuch", ScheduleDefinition.Weekly, 28, null, "nosuch", 10, 90)]
    [InlineData("alert_low", "7", ScheduleDefinition.Weekly, 28, null, "baseline", 7, 90)]
    [InlineData("alert_high", "99", ScheduleDefinition.Weekly, 28, null, "baseline", 10, 99)]
    [InlineData("alert_low", "90", ScheduleDefinition.Weekly, 28, null, "baseline", 90, 10)]
    public async Task Define_BadField_IsRejectedNamingIt(
        string field, string value, string cron, int windowDays, int? trials, string branch, int low, int high)
    {
        var grain = Schedule("rejected");
        var definition = silo.Folder.Definition(cron) with
        {
            WindowDays = windowDays,
            Trials = trials,
            Branch = branch,
            AlertLow = low,
            AlertHigh = high,
        };

        var exception = await Assert.ThrowsAsync<InvalidInputException>(() => grain.Define(definition));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(field, problem.Path);
        Assert.Equal(value, problem.Value);
        Assert.Null(await grain.Status());
    }

    [Fact]
    public async Task Define_Weekly_ReportsNextMondayAndRegistersReminder()
    {
        var grain = Schedule("defined");

        var status = await grain.Define(silo.Folder.Definition());
        var reminder = await ReadReminder(grain);

        Assert.Equal("defined", status.Name);
        Assert.Equal(silo.Folder.ScenarioPath, status.ScenarioFile);
        Assert.Equal(DayOfWeek.Monday, status.NextRun!.Value.DayOfWeek);
        Assert.Equal(new TimeSpan(6, 0, 0), status.NextRun.Value.TimeOfDay);
        Assert.Null(status.LastRun);
        Assert.NotNull(reminder);
        Assert.Equal(TimeSpan.FromHours(1), reminder.Period);
    }

    [Fact]
    public async Task RunNow_SameCutOffTwice_StoresOneVersion()
    {
        var grain = Schedule("twice");
        await grain.Define(silo.Folder.Definition());

        var first = await grain.RunNow(FirstCutOff);
        var second = await grain.RunNow(FirstCutOff);
        var status = await grain.Status();

        Assert.Null(first.Error);
        Assert.Equal(1, first.Version);
        Assert.True(first.Added);
        Assert.Equal(1, second.Version);
        Assert.False(second.Added);
        Assert.Equal(second, status!.LastRun);
        Assert.Single(silo.History.List("twice"));
    }

    [Fact]
    public async Task RunNow_LaterCutOff_AddsVersionTwoWithReview()
    {
        var grain = Schedule("later");
        await grain.Define(silo.Folder.Definition());

        await grain.RunNow(FirstCutOff);
        var second = await grain.RunNow(SecondCutOff);

        Assert.Equal(2, second.Version);
        Assert.True(second.Added);
        Assert.Equal(SecondCutOff, second.CutOff);
        Assert.Equal(SecondCutOff, silo.History.Latest("later")!.CutOff);
        Assert.True(File.Exists(ReviewFile.PathOf(silo.History.Folder, "later", 2)));
    }

    [Fact]
    public async Task RunNow_NewVersion_ReachesSubscribedObserver()
    {
        var grain = Schedule("observed");
        await grain.Define(silo.Folder.Definition());
        var observer = new VersionObserver("observed");
        var events = silo.Cluster.Client.GetGrain<IForecastEventsGrain>(0);
        var reference = silo.Cluster.Client.CreateObjectReference<IForecastEventsObserver>(observer);
        await events.Subscribe(reference);

        try
        {
            await grain.RunNow(FirstCutOff);
            var added = await observer.Received.Task.WaitAsync(EventTimeout);

            Assert.Equal("observed", added.Name);
            Assert.Equal(1, added.Number);
            Assert.Equal(FirstCutOff, added.CutOff);
            Assert.Contains("calls before 2026-02-02", added.Note, StringComparison.Ordinal);
            Assert.Empty(added.Alerts);
        }
        finally
        {
            await events.Unsubscribe(reference);
            silo.Cluster.Client.DeleteObjectReference<IForecastEventsObserver>(reference);
        }
    }

    [Fact]
    public async Task RunNow_CutOffPastHorizon_IsRejectedAndRecorded()
    {
        var grain = Schedule("past-horizon");
        await grain.Define(silo.Folder.Definition());

        var exception = await Assert.ThrowsAsync<InvalidInputException>(
            () => grain.RunNow(new DateOnly(2026, 7, 1)));
        var status = await grain.Status();

        Assert.Equal("--cut-off", Assert.Single(exception.Problems).Path);
        Assert.Null(status!.LastRun!.Version);
        Assert.Contains("after the scenario's last month 2026-06", status.LastRun.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_NoSchedule_IsRejected()
    {
        var grain = Schedule("undefined");

        var exception = await Assert.ThrowsAsync<InvalidInputException>(() => grain.RunNow(FirstCutOff));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("undefined", problem.Value);
        Assert.Contains("has no schedule", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_Defined_DropsScheduleAndReminder()
    {
        var grain = Schedule("removed");
        await grain.Define(silo.Folder.Definition());
        var before = await ReadReminder(grain);

        var removed = await grain.Remove();
        var after = await ReadReminder(grain);
        var removedAgain = await grain.Remove();

        Assert.NotNull(before);
        Assert.True(removed);
        Assert.Null(after);
        Assert.Null(await grain.Status());
        Assert.False(removedAgain);
    }

    private IForecastScheduleGrain Schedule(string name) =>
        silo.Cluster.Client.GetGrain<IForecastScheduleGrain>(name);

    private Task<ReminderEntry?> ReadReminder(IForecastScheduleGrain grain) =>
        silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>()
            .ReadRow(grain.GetGrainId(), "reforecast");

    /// <summary>One silo whose scheduled reforecasts use one shared folder, shared by the tests of this class.</summary>
    public sealed class SiloFixture : IAsyncLifetime
    {
        public ReforecastFolder Folder { get; } = new(new DateOnly(2026, 1, 1));

        public FolderForecastHistory History => new(Folder.HistoryPath);

        public InProcessTestCluster Cluster { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Folder.Ingest(days: 35, new DateOnly(2026, 1, 5), "daily");
            Cluster = await TestClusters.StartAsync(1, folders =>
            {
                folders.ActualsFolder = Folder.StorePath;
                folders.HistoryFolder = Folder.HistoryPath;
            });
        }

        public async Task DisposeAsync()
        {
            await Cluster.DisposeAsync();
            Folder.Dispose();
        }
    }
}
