namespace Tokencast.Core.Recalibration;

/// <summary>A value that recalibration left as in the scenario.</summary>
/// <param name="Path">Set path of the value, such as <c>features.chat.output_tokens</c>.</param>
/// <param name="Reason">Why it was kept, such as a sample below the minimum.</param>
public sealed record UnchangedValue(string Path, string Reason);
