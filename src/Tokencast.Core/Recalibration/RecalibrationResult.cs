using Tokencast.Core.Inputs;

namespace Tokencast.Core.Recalibration;

/// <summary>A recalibrated scenario and what changed in it.</summary>
/// <param name="Bundle">
/// The scenario with a top-level <c>set</c> block added or merged, plus the empirical CSV files it refers to.
/// </param>
/// <param name="Overrides">Replaced values, in the order of the <c>set</c> entries written.</param>
/// <param name="Unchanged">Values kept as in the scenario, each with the reason.</param>
/// <param name="UnknownFeatureCalls">
/// Calls in the window whose feature is not in the scenario, by feature id in ordinal order; calls without a
/// feature are counted under the empty string.
/// </param>
/// <param name="CallsUsed">Calls in the window with usage and a feature of the scenario.</param>
/// <param name="CallsWithoutTimestamp">Calls left out because they have no timestamp.</param>
/// <param name="CallsWithoutUsage">Calls in the window left out because their usage is unknown.</param>
public sealed record RecalibrationResult(
    ScenarioBundle Bundle,
    IReadOnlyList<RecalibrationOverride> Overrides,
    IReadOnlyList<UnchangedValue> Unchanged,
    IReadOnlyDictionary<string, int> UnknownFeatureCalls,
    int CallsUsed,
    int CallsWithoutTimestamp,
    int CallsWithoutUsage);
