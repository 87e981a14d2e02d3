using Tokencast.Core.Forecasting;

namespace Tokencast.Host;

/// <summary>The sensitivity ranking of a scenario's branches, as the API sends it.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Seed">Seed of the run the ranking was measured on.</param>
/// <param name="Trials">Trials per branch.</param>
/// <param name="Branches">
/// Per branch, the uncertain assumptions by falling variance index, with the horizon P50, the variance index
/// of an assumption without effect, and the share of the variance the assumptions explain one at a time.
/// </param>
public sealed record SensitivityView(string Scenario, ulong Seed, int Trials, IReadOnlyList<BranchSensitivity> Branches);
