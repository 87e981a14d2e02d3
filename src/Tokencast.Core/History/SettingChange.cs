namespace Tokencast.Core.History;

/// <summary>A run setting that differs between two versions.</summary>
/// <param name="Setting">The setting: branches, trials, seed, main_file, catalog_file or cut_off.</param>
/// <param name="Older">Its value in the older version, as text; empty when unset.</param>
/// <param name="Newer">Its value in the newer version, as text; empty when unset.</param>
public sealed record SettingChange(string Setting, string Older, string Newer);
