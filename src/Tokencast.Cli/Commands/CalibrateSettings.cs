namespace Tokencast.Cli.Commands;

/// <summary>Options of one <c>tokencast calibrate</c> run.</summary>
/// <param name="LogPaths">Log files to read, at least one.</param>
/// <param name="Feature">Feature of rows without one, or null to use each file's name.</param>
/// <param name="OutPath">File to write the scenario fragment to, or null to write none.</param>
/// <param name="Format"><c>table</c> or <c>json</c>: how the report is printed.</param>
internal sealed record CalibrateSettings(
    IReadOnlyList<string> LogPaths, string? Feature, string? OutPath, string Format);
