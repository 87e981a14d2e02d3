using Tokencast.Core.Distributions;

namespace Tokencast.Core.Simulation;

/// <summary>
/// A price trend: from <see cref="FirstMonth"/> on, the prices of the listed cost lines change by a factor
/// (1 + g) per month, with g drawn once per trial. Month <see cref="FirstMonth"/> itself is unchanged.
/// </summary>
/// <param name="Id">A stable id for the trend's random stream, such as its position in the timeline.</param>
/// <param name="MonthlyChange">The change per month, such as -0.02 for 2 % cheaper each month.</param>
/// <param name="FirstMonth">Index of the month the trend starts from.</param>
/// <param name="CostLines">Branch cost lines the trend applies to.</param>
public sealed record PriceTrendPlan(string Id, UncertainNumber MonthlyChange, int FirstMonth, IReadOnlyList<int> CostLines);
