namespace Tokencast.Cli.Commands;

/// <summary>Options of <c>tokencast forecast</c>.</summary>
/// <param name="File">Scenario file.</param>
/// <param name="Branches">Branches to run; empty for all.</param>
/// <param name="Trials">Trials per branch, or null for the scenario's default.</param>
/// <param name="Seed">Random seed, or null for the scenario's default.</param>
/// <param name="OutputDirectory">Where to write the outputs, or null for out/&lt;scenario&gt;.</param>
/// <param name="Catalog">A catalog file that replaces the bundled one, or null.</param>
/// <param name="Threads">Worker threads, or null for all cores.</param>
internal sealed record ForecastSettings(
    string File,
    IReadOnlyList<string> Branches,
    int? Trials = null,
    ulong? Seed = null,
    string? OutputDirectory = null,
    string? Catalog = null,
    int? Threads = null);
