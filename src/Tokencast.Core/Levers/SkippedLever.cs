namespace Tokencast.Core.Levers;

/// <summary>An operating point that could not be costed, such as a tier whose model lacks a price the feature needs.</summary>
/// <param name="Label">The point's label, such as <c>model=budget</c>.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record SkippedLever(string Label, string Reason);
