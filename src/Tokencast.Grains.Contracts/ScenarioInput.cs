using System.Collections.Immutable;

namespace Tokencast.Grains;

/// <summary>
/// A scenario and the text of every file it reads (catalog, empirical values), keyed by the full path
/// they had where the scenario was read, so a silo on another machine compiles the same plan.
/// </summary>
/// <param name="MainFile">Full path of the scenario file.</param>
/// <param name="Files">Text of every file read, by full path.</param>
/// <param name="CatalogFile">Full path of a catalog that replaces the scenario's, or null.</param>
/// <param name="ContentHash">Hash of the names and texts, the same for the same inputs.</param>
[GenerateSerializer, Immutable, Alias("tokencast.scenario-input.v1")]
public sealed record ScenarioInput(
    [property: Id(0)] string MainFile,
    [property: Id(1)] ImmutableDictionary<string, string> Files,
    [property: Id(2)] string? CatalogFile,
    [property: Id(3)] string ContentHash);
