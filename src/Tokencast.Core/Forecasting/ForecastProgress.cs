namespace Tokencast.Core.Forecasting;

/// <summary>Progress of a forecast run.</summary>
/// <param name="Stage">What the engine is doing: "sampling task costs", "simulating" or "summarising".</param>
/// <param name="Branch">The branch in progress.</param>
/// <param name="Done">Units of work done over the whole run.</param>
/// <param name="Total">Units of work in the whole run.</param>
public sealed record ForecastProgress(string Stage, string Branch, long Done, long Total);
