namespace Tokencast.Core.Scenarios;

/// <summary>One <c>set</c> entry of a branch.</summary>
/// <param name="Path">Path as written, such as <c>cohorts.smb.features.support-chat.adoption</c>.</param>
/// <param name="Value">The new value as written, in YAML flow style.</param>
/// <param name="Source">Location of the entry.</param>
public sealed record BranchSetting(string Path, string Value, SourceLocation Source);
