using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Tokencast.Cluster.Tests.Grains;
using Tokencast.Cluster.Tests.Hosting;
using Tokencast.Cluster.Tests.Postgres;

namespace Tokencast.Cluster.Tests;

/// <summary>
/// The ADO.NET reminder table on the schema of <c>deploy/sql/04-reminders.sql</c>, through a grain's
/// reminder calls and through the silo's <see cref="IReminderTable"/>.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ReminderTests(PostgresServer server) : IAsyncLifetime
{
    // Far enough ahead that no reminder registered by these tests ticks while they run.
    private static readonly TimeSpan DueTime = TimeSpan.FromDays(1);

    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reminder_RegisteredByGrain_IsStoredListedAndRemoved()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("reminders");
        var table = silo.Services.GetRequiredService<IReminderTable>();

        await grain.Register("hourly", DueTime, TimeSpan.FromHours(1));
        await grain.Register("daily", DueTime, TimeSpan.FromDays(1));
        var namesAfterRegister = await grain.ListNames();
        var hourlyExists = await grain.Exists("hourly");
        var stored = await table.ReadRow(grain.GetGrainId(), "daily");
        var removed = await grain.Unregister("hourly");
        var namesAfterRemove = await grain.ListNames();
        var hourlyAfterRemove = await table.ReadRow(grain.GetGrainId(), "hourly");

        Assert.Equal(["daily", "hourly"], namesAfterRegister);
        Assert.True(hourlyExists);
        Assert.NotNull(stored);
        Assert.Equal(grain.GetGrainId(), stored.GrainId);
        Assert.Equal(TimeSpan.FromDays(1), stored.Period);
        Assert.True(removed);
        Assert.Equal(["daily"], namesAfterRemove);
        Assert.Null(hourlyAfterRemove);
        Assert.False(await grain.Exists("hourly"));
    }

    [Fact]
    public async Task UpsertRow_ExistingReminder_RaisesETagAndReplacesSchedule()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("reminder", "upsert");
        var start = new DateTime(2030, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);

        var firstETag = await table.UpsertRow(Entry(grainId, "report", start, TimeSpan.FromMinutes(5)));
        var secondETag = await table.UpsertRow(
            Entry(grainId, "report", start.AddDays(1), TimeSpan.FromHours(6)));
        var stored = await table.ReadRow(grainId, "report");

        Assert.Equal("0", firstETag);
        Assert.Equal("1", secondETag);
        Assert.NotNull(stored);
        Assert.Equal("1", stored.ETag);
        Assert.Equal(start.AddDays(1), stored.StartAt);
        Assert.Equal(TimeSpan.FromHours(6), stored.Period);
    }

    [Fact]
    public async Task UpsertRow_PeriodBeyondInt32Milliseconds_IsKept()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("reminder", "long-period");

        // 30 days is 2,592,000,000 ms, above int.MaxValue (2,147,483,647), so the provider sends a bigint.
        await table.UpsertRow(Entry(grainId, "monthly", DateTime.UtcNow.Add(DueTime), TimeSpan.FromDays(30)));
        var stored = await table.ReadRow(grainId, "monthly");

        Assert.NotNull(stored);
        Assert.Equal(TimeSpan.FromDays(30), stored.Period);
    }

    [Fact]
    public async Task RemoveRow_StaleETag_ReturnsFalseAndKeepsRow()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("reminder", "remove");
        var start = DateTime.UtcNow.Add(DueTime);
        var staleETag = await table.UpsertRow(Entry(grainId, "report", start, TimeSpan.FromHours(1)));
        var currentETag = await table.UpsertRow(Entry(grainId, "report", start, TimeSpan.FromHours(2)));

        var removedWithStale = await table.RemoveRow(grainId, "report", staleETag!);
        var rowAfterStale = await table.ReadRow(grainId, "report");
        var removedWithCurrent = await table.RemoveRow(grainId, "report", currentETag!);
        var rowAfterCurrent = await table.ReadRow(grainId, "report");

        Assert.False(removedWithStale);
        Assert.NotNull(rowAfterStale);
        Assert.True(removedWithCurrent);
        Assert.Null(rowAfterCurrent);
    }

    [Fact]
    public async Task ReadRows_HashRanges_ReturnRowsInsideRingRange()
    {
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grainIds = Enumerable.Range(0, 40).Select(i => GrainId.Create("reminder", $"ring-{i}")).ToList();
        foreach (var grainId in grainIds)
        {
            var start = DateTime.UtcNow.Add(DueTime);
            await table.UpsertRow(Entry(grainId, "tick", start, TimeSpan.FromHours(1)));
        }

        var hashes = grainIds.Select(grainId => grainId.GetUniformHashCode()).Order().ToList();
        var ranges = new List<(uint Begin, uint End)>
        {
            (0x7000_0000, 0x9000_0000), // crosses int.MaxValue: wraps in signed order only
            (0xF000_0000, 0x1000_0000), // crosses uint.MaxValue: wraps in unsigned order
            (0x1000_0000, 0x7000_0000), // inside the positive signed half
            (0x9000_0000, 0xF000_0000), // inside the negative signed half
            (0, uint.MaxValue),
            (0x1234_5678, 0x1234_5678), // begin equal to end is the whole ring
            (hashes[5], hashes[20]), // the begin hash is excluded, the end hash included
            (hashes[30], hashes[3]),
        };

        foreach (var (begin, end) in ranges)
        {
            var rows = await table.ReadRows(begin, end);
            var actual = rows.Reminders.Select(reminder => reminder.GrainId.ToString()).Order().ToList();
            var expected = grainIds
                .Where(grainId => InRingRange(grainId.GetUniformHashCode(), begin, end))
                .Select(grainId => grainId.ToString())
                .Order()
                .ToList();
            Assert.True(expected.SequenceEqual(actual),
                $"range ({begin:X8}, {end:X8}]: expected {expected.Count} rows, got {actual.Count}");
        }
    }

    [Fact]
    public async Task ReadRow_DatabaseTimeZoneNotUtc_ReturnsSameStartInstant()
    {
        // Kathmandu is UTC+05:45, so any conversion through the session time zone would shift the time.
        var database = new NpgsqlConnectionStringBuilder(_connectionString).Database;
        await PostgresServer.ExecuteAsync(
            _connectionString, $"ALTER DATABASE \"{database}\" SET TimeZone = 'Asia/Kathmandu'");
        await using var silo = await TestSilo.StartAsync(_connectionString);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("reminder", "time-zone");
        var start = new DateTime(2030, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);

        await table.UpsertRow(Entry(grainId, "report", start, TimeSpan.FromHours(1)));
        var stored = await table.ReadRow(grainId, "report");

        Assert.NotNull(stored);
        Assert.Equal(start, stored.StartAt);
        Assert.Equal(DateTimeKind.Utc, stored.StartAt.Kind);
    }

    /// <summary>
    /// The Orleans ring range (begin, end] on unsigned hashes, where begin equal to end is the whole
    /// ring and begin above end wraps past <see cref="uint.MaxValue"/>.
    /// </summary>
    private static bool InRingRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Entry(GrainId grainId, string name, DateTime start, TimeSpan period) => new()
    {
        GrainId = grainId,
        ReminderName = name,
        StartAt = start,
        Period = period,
    };
}
