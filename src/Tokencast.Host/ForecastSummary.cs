namespace Tokencast.Host;

/// <summary>A tracked forecast and its latest version.</summary>
/// <param name="Name">The forecast's name.</param>
/// <param name="LatestVersion">Number of its latest version.</param>
/// <param name="CutOff">Cut-off of the latest version's actuals, or null.</param>
/// <param name="CreatedAt">When the latest version was stored.</param>
public sealed record ForecastSummary(string Name, int LatestVersion, DateOnly? CutOff, DateTimeOffset CreatedAt);
