namespace Tokencast.Cli.Commands;

/// <summary>Options of <c>tokencast forecast</c>.</summary>
/// <param name="File">Scenario file.</param>
/// <param name="Branches">Branches to run; empty for all.</param>
/// <param name="Trials">Trials per branch, or null for the scenario's default.</param>
/// <param name="Seed">Random seed, or null for the scenario's default.</param>
/// <param name="OutputDirectory">Where to write the outputs, or null for out/&lt;scenario&gt;.</param>
/// <param name="Catalog">A catalog file that replaces the bundled one, or null.</param>
/// <param name="Silos">Silos to start in this process when no cluster is given.</param>
/// <param name="BlockSize">Trials per block of work, or null for the default.</param>
/// <param name="Cluster">PostgreSQL connection string of a running cluster to use instead, or null.</param>
/// <param name="ClusterId">The cluster's id, when <paramref name="Cluster"/> is given.</param>
/// <param name="ServiceId">The cluster's service id, when <paramref name="Cluster"/> is given.</param>
/// <param name="Record">Forecast name to store the result under as a new version, or null.</param>
/// <param name="Note">What changed, stored with the version when <paramref name="Record"/> is given.</param>
/// <param name="History">History folder, or null for the default.</param>
/// <param name="Sensitivity">Whether to rank each branch's uncertain assumptions and write the sensitivity files.</param>
internal sealed record ForecastSettings(
    string File,
    IReadOnlyList<string> Branches,
    int? Trials = null,
    ulong? Seed = null,
    string? OutputDirectory = null,
    string? Catalog = null,
    int Silos = 1,
    int? BlockSize = null,
    string? Cluster = null,
    string ClusterId = Grains.Runs.ClusterNames.DefaultClusterId,
    string ServiceId = Grains.Runs.ClusterNames.DefaultServiceId,
    string? Record = null,
    string Note = "",
    string? History = null,
    bool Sensitivity = false);
