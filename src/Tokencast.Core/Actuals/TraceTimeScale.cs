using System.Globalization;
using Tokencast.Core.Logs;

namespace Tokencast.Core.Actuals;

/// <summary>
/// A time transformation for replaying a short trace as a longer period: each call's time t becomes
/// <c>Origin + (t - t0) x Factor</c>, where t0 is the earliest call time in the file and
/// <see cref="Origin"/> is read as midnight UTC. For example, factor 1440 turns each minute of trace
/// into a day. It is meant for published traces, never for real usage.
/// </summary>
public sealed record TraceTimeScale
{
    private const string OptionName = "--time-scale";

    /// <summary>Creates a time scale.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is not finite and above 0.</exception>
    public TraceTimeScale(DateOnly origin, double factor)
    {
        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "the factor must be finite and above 0");
        }

        Origin = origin;
        Factor = factor;
    }

    /// <summary>Date the earliest call of the file is moved to, at midnight UTC.</summary>
    public DateOnly Origin { get; }

    /// <summary>Multiplier of the time elapsed since the earliest call.</summary>
    public double Factor { get; }

    /// <summary>Formats the time scale as <c>ORIGIN=FACTOR</c>, such as <c>2026-01-05=1440</c>.</summary>
    public override string ToString() =>
        $"{Origin.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}={Factor.ToString("R", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Moves the time of every record that has one, and returns the log with the moved times and the
    /// earliest time before the move (t0). Records without a time keep none.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The log has no absolute call times (relative trace times are not scaled), or a moved time is
    /// past the year 9999.
    /// </exception>
    internal (RequestLog Log, DateTimeOffset TraceStart) Apply(RequestLog log, string source)
    {
        var times = log.Records.Where(record => record.Timestamp is not null).Select(record => record.Timestamp!.Value);
        if (!times.Any())
        {
            var message = log.Records.Any(record => record.TraceOffset is not null)
                ? "needs absolute call times, but this log has only times relative to the trace start, "
                    + "which are not scaled; leave out --time-scale"
                : "needs call times, but no row of this log has one; leave out --time-scale";
            throw new InvalidInputException(new InputProblem(source, null, OptionName, ToString(), message));
        }

        var traceStart = times.Min();
        var origin = new DateTimeOffset(Origin.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var latestTicks = DateTimeOffset.MaxValue.UtcTicks - origin.UtcTicks;
        var problems = new List<InputProblem>();
        var records = new List<RequestRecord>(log.Records.Count);
        foreach (var record in log.Records)
        {
            if (record.Timestamp is not { } time)
            {
                records.Add(record);
                continue;
            }

            // Ticks of 100 ns; a double holds them exactly up to 2^53 ticks (about 28 years) after scaling.
            var scaledTicks = Math.Round((time - traceStart).Ticks * Factor);
            if (scaledTicks > latestTicks)
            {
                problems.Add(new InputProblem(source, record.Line, OptionName, ToString(),
                    "moves this call past the year 9999; use a smaller factor"));
                continue;
            }

            records.Add(record with { Timestamp = origin.AddTicks((long)scaledTicks) });
        }

        return problems.Count > 0
            ? throw new InvalidInputException(problems)
            : (log with { Records = records }, traceStart);
    }
}
