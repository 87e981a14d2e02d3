namespace Tokencast.Core.History;

/// <summary>The outcome of adding a draft to a forecast's history.</summary>
/// <param name="Version">The new version, or the existing one with the same cut-off and input hash.</param>
/// <param name="Added">True when <paramref name="Version"/> was added by this call.</param>
public sealed record HistoryAddition(ForecastVersion Version, bool Added);
