namespace Tokencast.Core.Quality;

/// <summary>The moves open to the current operating point, with their cost and quality changes.</summary>
/// <param name="Current">The point the feature runs at today.</param>
/// <param name="ToKnee">The move to the frontier's knee, or null when the frontier has no knee.</param>
/// <param name="NoKneeReason">Why the frontier has no knee, or null when it has one.</param>
/// <param name="OneTierDown">
/// The move to the dearest frontier point that is strictly cheaper than the current point, or null when
/// no frontier point is cheaper.
/// </param>
public sealed record MoveOptions(OperatingPoint Current, Move? ToKnee, string? NoKneeReason, Move? OneTierDown);
