namespace Tokencast.Core.Quality;

/// <summary>The knee of a cost-quality frontier, or why it has none.</summary>
/// <param name="Point">The knee point, or null when there is no knee.</param>
/// <param name="Difference">
/// Normalised quality minus normalised cost at the knee, from 0 to 1: how far the knee lies above the
/// straight line between the cheapest and the dearest frontier point. Null when there is no knee.
/// </param>
/// <param name="Reason">Why there is no knee, or null when there is one.</param>
public sealed record KneeResult(OperatingPoint? Point, double? Difference, string? Reason);
