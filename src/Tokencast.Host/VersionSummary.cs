using Tokencast.Core.History;

namespace Tokencast.Host;

/// <summary>One stored version of a tracked forecast, without its inputs and bands.</summary>
/// <param name="Number">Version number, from 1.</param>
/// <param name="CutOff">Cut-off of the actuals it was made from (dated before it), or null.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="Trials">Trials per branch.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Note">What changed, as stored with it.</param>
/// <param name="ImportIds">Ids of the actuals imports it used.</param>
/// <param name="Alerts">Closed weeks whose actual spend fell outside the previous version's band.</param>
public sealed record VersionSummary(
    int Number,
    DateOnly? CutOff,
    DateTimeOffset CreatedAt,
    int Trials,
    ulong Seed,
    string Note,
    IReadOnlyList<string> ImportIds,
    IReadOnlyList<SpendAlert> Alerts);
