using Npgsql;
using Tokencast.Cluster.Tests.Postgres;
using Tokencast.Grains;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Tests.Reforecasting;

namespace Tokencast.Cluster.Tests.Forecasts;

/// <summary>A scheduled reforecast on a silo that keeps its reminders in PostgreSQL.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ScheduleOnPostgresTests(PostgresServer server)
{
    // The reminder first ticks at the next minute; the run of 100 trials takes seconds. The margin covers a
    // slow machine and the reminder service's first read of its table.
    private static readonly TimeSpan EventTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Schedule_EveryMinute_StoresReminderAndAddsVersion()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // The plan starts a month back, so that today (the cut-off) is after its first day on any date.
        using var folder = new ReforecastFolder(new DateOnly(today.Year, today.Month, 1).AddMonths(-1));
        folder.Ingest(days: 7, today.AddDays(-7), "week");
        await using var silos = await InProcessSilos.StartAsync(connectionString, 1, folders =>
        {
            folders.ActualsFolder = folder.StorePath;
            folders.HistoryFolder = folder.HistoryPath;
        });
        await using var client = await ClusterClient.ConnectAsync(
            connectionString, silos.ClusterId, silos.ClusterId);
        var observer = new VersionObserver("every-minute");
        var events = client.Grains.GetGrain<IForecastEventsGrain>(0);
        var reference = client.Grains.CreateObjectReference<IForecastEventsObserver>(observer);
        await events.Subscribe(reference);
        var schedule = client.Grains.GetGrain<IForecastScheduleGrain>("every-minute");

        var defined = await schedule.Define(folder.Definition("* * * * *"));
        var reminders = await ReminderNamesAsync(connectionString);
        var added = await observer.Received.Task.WaitAsync(EventTimeout);
        var status = await schedule.Status();

        Assert.Equal(["reforecast"], reminders);
        Assert.Equal(0, defined.NextRun!.Value.Second);
        Assert.Equal("every-minute", added.Name);
        Assert.Equal(1, added.Number);
        Assert.Equal(status!.LastRun!.CutOff, added.CutOff);
        Assert.Equal(1, status.LastRun.Version);
        Assert.True(File.Exists(Path.Combine(folder.HistoryPath, "every-minute", "000001.json")));
    }

    private static async Task<List<string>> ReminderNamesAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT ReminderName FROM OrleansRemindersTable WHERE GrainId LIKE '%every-minute%'");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
