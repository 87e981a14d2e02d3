namespace Tokencast.Core.Scenarios;

/// <summary>Routing policy of a feature.</summary>
/// <param name="Cascade">Cascade from a cheap to a strong model.</param>
/// <param name="Source">Location of the <c>routing</c> mapping.</param>
public sealed record RoutingSpec(CascadeSpec Cascade, SourceLocation Source);
