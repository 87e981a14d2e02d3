using System.Collections.Immutable;

namespace Tokencast.Grains;

/// <summary>A version added to a tracked forecast, with the alerts of the period it closed.</summary>
/// <param name="Name">The tracked forecast.</param>
/// <param name="Number">The new version's number.</param>
/// <param name="CutOff">Its cut-off, or null for a version made without actuals.</param>
/// <param name="Note">What changed, as stored with the version.</param>
/// <param name="Alerts">The closed weeks outside the previous version's band; empty when none.</param>
[GenerateSerializer, Immutable, Alias("tokencast.version-added.v1")]
public sealed record VersionAdded(
    [property: Id(0)] string Name,
    [property: Id(1)] int Number,
    [property: Id(2)] DateOnly? CutOff,
    [property: Id(3)] string Note,
    [property: Id(4)] ImmutableArray<AlertNotice> Alerts);
