using Tokencast.Core.Quality;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Forecasting;

/// <summary>
/// Ranks the uncertain trial-level assumptions of each branch by how much they move the horizon total
/// spend: the per-trial totals of a run against the values each assumption took in the same trials.
/// </summary>
public static class ForecastSensitivity
{
    /// <summary>
    /// Runs <paramref name="plan"/> on the core engine with the trial totals kept and ranks every branch's
    /// assumptions. Returns the forecast and one <see cref="BranchSensitivity"/> per branch, in plan order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="EngineOptions.Trials"/> is below <see cref="Sensitivity.MinTrials"/>.
    /// </exception>
    public static (ForecastResult Result, IReadOnlyList<BranchSensitivity> Sensitivity) Run(
        SimulationPlan plan,
        EngineOptions options,
        IProgress<ForecastProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Trials, Sensitivity.MinTrials);

        var result = new ForecastEngine(plan, options with { KeepTrialTotals = true }).Run(progress, cancellationToken);
        var sensitivity = plan.Branches
            .Select((branch, b) => Analyse(branch, options.Seed, result.TrialTotals![b]))
            .ToArray();
        return (result, sensitivity);
    }

    /// <summary>
    /// Ranks the assumptions of <paramref name="branch"/> against the totals of a run with
    /// <paramref name="seed"/>, redrawing each trial's assumptions from their streams
    /// (<see cref="AssumptionSampler.Redraw"/>). Inputs are ordered by variance index.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The totals belong to another branch or have fewer than <see cref="Sensitivity.MinTrials"/> trials.
    /// </exception>
    public static BranchSensitivity Analyse(BranchPlan branch, ulong seed, BranchTrialTotals totals)
    {
        ArgumentNullException.ThrowIfNull(branch);
        ArgumentNullException.ThrowIfNull(totals);
        if (totals.Branch != branch.Name)
        {
            throw new ArgumentException(
                $"The totals are of branch '{totals.Branch}', not '{branch.Name}'.", nameof(totals));
        }

        var samples = AssumptionSampler.Redraw(branch, seed, totals.Trials);

        // Rank measures the assumptions in parallel against an output it ranks once; the order is by variance
        // index: largest first, undefined last, ties by name.
        var ranked = Sensitivity.Rank(samples.ToDictionary(sample => sample.Path, sample => sample.Values), totals.HorizonUsd);
        return new BranchSensitivity(
            branch.Name,
            totals.Trials,
            BandStatistics.Compute(totals.HorizonUsd).P50,
            Sensitivity.VarianceIndexNullLevel(totals.Trials),
            ranked,
            samples.ToDictionary(sample => sample.Path, sample => sample.Distribution, StringComparer.Ordinal));
    }
}
