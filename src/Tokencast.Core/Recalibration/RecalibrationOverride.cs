namespace Tokencast.Core.Recalibration;

/// <summary>One value that recalibration replaced, written as an entry of the top-level <c>set</c>.</summary>
/// <param name="Path">Set path, such as <c>features.chat.input_tokens</c>.</param>
/// <param name="OldValue">Value before, in YAML flow style.</param>
/// <param name="NewValue">Value written, in YAML flow style.</param>
/// <param name="Reason">Where the value comes from, with the sample size and dates.</param>
public sealed record RecalibrationOverride(string Path, string OldValue, string NewValue, string Reason);
