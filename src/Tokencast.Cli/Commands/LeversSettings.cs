namespace Tokencast.Cli.Commands;

/// <summary>Options of <c>tokencast levers</c>.</summary>
/// <param name="File">Scenario file.</param>
/// <param name="Feature">The one feature to analyse, or null for all.</param>
/// <param name="Format">Standard output format: table, csv or json.</param>
/// <param name="OutputDirectory">Where to write the CSV, JSON and SVG files, or null to write none.</param>
/// <param name="Seed">Random seed, or null for the scenario's default.</param>
/// <param name="Trials">Trials for price trend factors, or null for the scenario's default.</param>
/// <param name="Catalog">A catalog file that replaces the scenario's and the bundled one, or null.</param>
internal sealed record LeversSettings(
    string File,
    string? Feature = null,
    string Format = "table",
    string? OutputDirectory = null,
    ulong? Seed = null,
    int? Trials = null,
    string? Catalog = null);
