namespace Tokencast.Host;

/// <summary>A request to run a scheduled reforecast now.</summary>
/// <param name="CutOff">Use the actuals dated before this day; null for the day of the schedule's latest occurrence.</param>
public sealed record ScheduleRunRequest(DateOnly? CutOff = null);
