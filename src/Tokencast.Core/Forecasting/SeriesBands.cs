namespace Tokencast.Core.Forecasting;

/// <summary>Monthly spend bands of one series (the total, a feature, a cohort or a model) and its horizon total.</summary>
/// <param name="Name">The series name: "total", a feature or cohort id, or a cost line.</param>
/// <param name="Monthly">Spend per month, in USD.</param>
/// <param name="Horizon">Spend over the whole horizon, in USD.</param>
public sealed record SeriesBands(string Name, IReadOnlyList<MonthBand> Monthly, Band Horizon);
