using Cronos;
using Tokencast.Core;

namespace Tokencast.Grains.Reforecasting;

/// <summary>
/// A five-field cron expression in UTC (minute hour day-of-month month day-of-week), parsed by Cronos. It
/// also maps the expression onto an Orleans reminder: which occurrence is due at a tick, when the reminder
/// first ticks, and how often. Every method takes the current time as an argument and reads no clock.
/// </summary>
public sealed class CronSchedule
{
    /// <summary>The longest reminder period, so a run starts at most this late after its occurrence.</summary>
    public static TimeSpan MaxReminderPeriod { get; } = TimeSpan.FromHours(1);

    /// <summary>The shortest reminder period Orleans accepts by default.</summary>
    public static TimeSpan MinReminderPeriod { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How early a tick may arrive and still run the occurrence it was meant for. Timers can fire a few
    /// milliseconds before their time, and without this margin such a tick would wait a whole period.
    /// </summary>
    public static TimeSpan EarlyTickTolerance { get; } = TimeSpan.FromSeconds(1);

    // Intervals looked at for the reminder period, so that an irregular expression such as "0 6,7 * * *"
    // gets the shorter of its gaps.
    private const int IntervalsCompared = 8;

    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression)
    {
        Text = text;
        _expression = expression;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The cron expression.</param>
    /// <param name="field">The field or option named in errors.</param>
    /// <exception cref="InvalidInputException">The expression is invalid.</exception>
    public static CronSchedule Parse(string text, string field = "cron")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!CronExpression.TryParse(text.Trim(), CronFormat.Standard, out var expression))
        {
            throw new InvalidInputException(new InputProblem(null, null, field, text,
                "is not a cron expression; write five fields in UTC: minute hour day-of-month month day-of-week, "
                + "such as \"0 6 * * 1\" for Mondays at 06:00"));
        }

        return new CronSchedule(text.Trim(), expression);
    }

    /// <summary>
    /// Parses <paramref name="text"/> and checks that it has an occurrence after <paramref name="now"/>.
    /// </summary>
    /// <param name="text">The cron expression.</param>
    /// <param name="now">The current time.</param>
    /// <param name="field">The field or option named in errors.</param>
    /// <exception cref="InvalidInputException">
    /// The expression is invalid or has no occurrence after now.
    /// </exception>
    public static CronSchedule ParseRecurring(string text, DateTimeOffset now, string field = "cron")
    {
        var schedule = Parse(text, field);
        if (schedule.NextAfter(now) is null)
        {
            throw new InvalidInputException(new InputProblem(null, null, field, text,
                "has no occurrence after now; write an expression that recurs, such as \"0 6 * * 1\""));
        }

        return schedule;
    }

    /// <summary>Returns the first occurrence after <paramref name="time"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset time) =>
        ToOffset(_expression.GetNextOccurrence(time.UtcDateTime, inclusive: false));

    /// <summary>
    /// Returns the latest occurrence at or before <paramref name="time"/>, or null when there is none.
    /// </summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset time) =>
        ToOffset(_expression.GetPreviousOccurrence(time.UtcDateTime, inclusive: true));

    /// <summary>
    /// Returns the occurrence a tick at <paramref name="now"/> runs: the latest one at or before now (allowing
    /// <see cref="EarlyTickTolerance"/>) that is later than <paramref name="after"/>, or null when none is.
    /// Missed occurrences collapse into the latest one, so a cluster that was down for three occurrences
    /// runs once, for the last of them.
    /// </summary>
    /// <param name="now">The time of the tick.</param>
    /// <param name="after">The latest occurrence already run, or the time the schedule was defined.</param>
    public DateTimeOffset? Due(DateTimeOffset now, DateTimeOffset after)
    {
        var latest = LatestAtOrBefore(now + EarlyTickTolerance);
        return latest > after ? latest : null;
    }

    /// <summary>
    /// Returns how long after <paramref name="now"/> the reminder first ticks: at the next occurrence, and at
    /// least one second from now.
    /// </summary>
    public TimeSpan DueTime(DateTimeOffset now)
    {
        var next = NextAfter(now) ?? now + MaxReminderPeriod;
        var due = next - now;
        return due < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : due;
    }

    /// <summary>
    /// Returns the reminder period: the shortest of the next few intervals between occurrences, kept between
    /// <see cref="MinReminderPeriod"/> and <see cref="MaxReminderPeriod"/>. A run therefore starts at most one
    /// period after its occurrence, and a frequent expression is not ticked more often than it recurs.
    /// </summary>
    public TimeSpan ReminderPeriod(DateTimeOffset now)
    {
        var period = MaxReminderPeriod;
        var previous = NextAfter(now);
        for (var i = 0; i < IntervalsCompared && previous is { } start; i++)
        {
            var next = NextAfter(start);
            if (next is { } end && end - start < period)
            {
                period = end - start;
            }

            previous = next;
        }

        return period < MinReminderPeriod ? MinReminderPeriod : period;
    }

    private static DateTimeOffset? ToOffset(DateTime? utc) =>
        utc is { } time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
}
