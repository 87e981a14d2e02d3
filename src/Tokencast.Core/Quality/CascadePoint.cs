namespace Tokencast.Core.Quality;

/// <summary>The outcome of a cascade at one confidence threshold.</summary>
/// <param name="Threshold">
/// Items with confidence at or above it keep the cheap model's result, and the rest escalate.
/// </param>
/// <param name="KeptItems">Items that keep the cheap model's result.</param>
/// <param name="EscalatedItems">Items escalated to the strong model.</param>
/// <param name="EscalationShare">Escalated items over all items, from 0 to 1.</param>
/// <param name="Quality">Quality of the cascade's results with its 95 % interval.</param>
/// <param name="PerformanceGapRecovered">
/// PGR = (Q_cascade − Q_cheap) / (Q_strong − Q_cheap), or null when the two models' quality is equal.
/// </param>
public sealed record CascadePoint(
    double Threshold,
    int KeptItems,
    int EscalatedItems,
    double EscalationShare,
    EvalQuality Quality,
    double? PerformanceGapRecovered);
