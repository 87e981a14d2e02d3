using System.Globalization;
using Tokencast.Core;
using Tokencast.Grains.Reforecasting;

namespace Tokencast.Grains.Tests.Reforecasting;

/// <summary>Which occurrence of a cron expression is due, and the reminder it maps to, at fixed times.</summary>
public class CronScheduleTests
{
    private const string Mondays = "0 6 * * 1";

    // 2026-02-02 and 2026-02-09 are Mondays, so "0 6 * * 1" occurs at 06:00 on both.
    [Theory]
    [InlineData("2026-02-09T06:00:00.500Z", "2026-02-02T06:00:00Z", "2026-02-09T06:00:00Z")] // on time
    [InlineData("2026-02-09T05:59:59.500Z", "2026-02-02T06:00:00Z", "2026-02-09T06:00:00Z")] // early, within 1 s
    [InlineData("2026-02-09T05:59:58Z", "2026-02-02T06:00:00Z", null)] // too early: the last one ran
    [InlineData("2026-02-09T10:00:00Z", "2026-01-05T06:00:00Z", "2026-02-09T06:00:00Z")] // 4 missed: the latest
    [InlineData("2026-02-09T06:30:00Z", "2026-02-09T06:00:00Z", null)] // already run
    [InlineData("2026-02-05T00:00:00Z", "2026-02-04T12:00:00Z", null)] // defined after the last occurrence
    [InlineData("2026-02-09T06:00:00Z", "2026-02-04T12:00:00Z", "2026-02-09T06:00:00Z")] // first after defining
    public void Due_Weekly_ReturnsLatestOccurrenceNotRun(string now, string after, string? expected)
    {
        var schedule = CronSchedule.Parse(Mondays);

        var due = schedule.Due(Time(now), Time(after));

        Assert.Equal(expected is null ? null : Time(expected), due);
    }

    // The period is the shortest gap between the next occurrences, between 1 minute and 1 hour.
    [Theory]
    [InlineData("* * * * *", 1)]
    [InlineData("*/10 * * * *", 10)]
    [InlineData("0,20 * * * *", 20)] // gaps of 20 and 40 minutes
    [InlineData("30 * * * *", 60)]
    [InlineData(Mondays, 60)] // a week, capped at an hour
    [InlineData("0 6,7 * * *", 60)] // gaps of 1 and 23 hours
    public void ReminderPeriod_Expression_IsShortestGapWithinBounds(string expression, int minutes)
    {
        var schedule = CronSchedule.Parse(expression);

        var period = schedule.ReminderPeriod(Time("2026-02-04T12:00:00Z"));

        Assert.Equal(TimeSpan.FromMinutes(minutes), period);
    }

    // From Monday 05:00 the next occurrence is at 06:00 the same day; from 06:00 itself, a week later.
    [Theory]
    [InlineData("2026-02-09T05:00:00Z", 3_600)]
    [InlineData("2026-02-09T06:00:00Z", 7 * 86_400)]
    [InlineData("2026-02-09T05:59:59.800Z", 1)] // 0.2 s away, raised to the 1 s minimum
    public void DueTime_Weekly_IsTimeToNextOccurrence(string now, int seconds)
    {
        var schedule = CronSchedule.Parse(Mondays);

        var dueTime = schedule.DueTime(Time(now));

        Assert.Equal(TimeSpan.FromSeconds(seconds), dueTime);
    }

    [Fact]
    public void LatestAtOrBefore_OnOccurrence_ReturnsIt()
    {
        var schedule = CronSchedule.Parse(Mondays);

        var latest = schedule.LatestAtOrBefore(Time("2026-02-09T06:00:00Z"));

        Assert.Equal(Time("2026-02-09T06:00:00Z"), latest);
    }

    [Theory]
    [InlineData("0 6 * *")] // four fields
    [InlineData("0 0 6 * * 1")] // six fields (seconds)
    [InlineData("61 * * * *")]
    [InlineData("weekly")]
    public void Parse_Invalid_NamesFieldAndValue(string expression)
    {
        var exception = Assert.Throws<InvalidInputException>(() => CronSchedule.Parse(expression, "--cron"));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("--cron", problem.Path);
        Assert.Equal(expression, problem.Value);
        Assert.Contains("is not a cron expression", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRecurring_NoOccurrence_IsRejected()
    {
        // 30 February never comes.
        var exception = Assert.Throws<InvalidInputException>(
            () => CronSchedule.ParseRecurring("0 0 30 2 *", Time("2026-02-04T12:00:00Z")));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("cron", problem.Path);
        Assert.Contains("has no occurrence after now", problem.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
