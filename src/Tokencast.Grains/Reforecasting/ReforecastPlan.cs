using Tokencast.Core.History;
using Tokencast.Core.Recalibration;

namespace Tokencast.Grains.Reforecasting;

/// <summary>A reforecast checked and recalibrated, before its forecast runs.</summary>
/// <param name="Request">The request it was made from.</param>
/// <param name="Recalibration">The recalibrated scenario and what changed in it.</param>
/// <param name="Definition">The run to make.</param>
/// <param name="Inputs">The inputs the new version will record.</param>
/// <param name="Previous">The forecast's newest version before this one, or null for its first.</param>
/// <param name="Existing">
/// A version with the same cut-off and inputs, or null. When set, nothing needs to run: the version exists.
/// </param>
public sealed record ReforecastPlan(
    ReforecastRequest Request,
    RecalibrationResult Recalibration,
    RunDefinition Definition,
    VersionInputs Inputs,
    ForecastVersion? Previous,
    ForecastVersion? Existing);
