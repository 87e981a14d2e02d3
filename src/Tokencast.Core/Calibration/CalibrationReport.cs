namespace Tokencast.Core.Calibration;

/// <summary>Result of a calibration run: one entry per feature, in order of first appearance.</summary>
/// <param name="Features">Per-feature calibrations.</param>
/// <param name="Options">Settings the run used.</param>
public sealed record CalibrationReport(IReadOnlyList<FeatureCalibration> Features, CalibrationOptions Options);
