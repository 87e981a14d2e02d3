using Tokencast.Core.Simulation;

namespace Tokencast.Core.Forecasting;

/// <summary>The forecast of one branch: bands of total spend and its breakdowns, cost per task and budget risk.</summary>
/// <param name="Name">Branch name.</param>
/// <param name="Description">What the branch stands for.</param>
/// <param name="Assumptions">What the branch changes relative to the base scenario.</param>
/// <param name="Total">Total spend per month and over the horizon.</param>
/// <param name="Cumulative">Spend from the first month to the end of each month.</param>
/// <param name="Features">Spend by feature.</param>
/// <param name="Cohorts">Spend by cohort.</param>
/// <param name="Models">Spend by model, plus tool execution and human escalation.</param>
/// <param name="CostPerTask">Cost per task by feature and month.</param>
/// <param name="Budget">Probability of exceeding each monthly budget and the horizon budget.</param>
public sealed record BranchForecast(
    string Name,
    string Description,
    IReadOnlyList<BranchAssumption> Assumptions,
    SeriesBands Total,
    IReadOnlyList<MonthBand> Cumulative,
    IReadOnlyList<SeriesBands> Features,
    IReadOnlyList<SeriesBands> Cohorts,
    IReadOnlyList<SeriesBands> Models,
    IReadOnlyList<FeatureTaskCost> CostPerTask,
    IReadOnlyList<BudgetOutlook> Budget);
