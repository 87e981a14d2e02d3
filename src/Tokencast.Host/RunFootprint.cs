using System.Globalization;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Host;

/// <summary>
/// Estimates the memory a run takes on the cluster, so that the host refuses a run that would not fit
/// before it starts instead of running out of memory part-way.
/// </summary>
/// <remarks>
/// The figures are measured, not derived: peak memory of <c>tokencast forecast</c> on generated scenarios
/// with 300 and 600 feature-cohort pairs over 120 months and three branches, at 100 and 1,000 trials
/// (docs/benchmarks.md). Each cell (a feature-cohort pair in one month and branch) took about 3.8 KB
/// before the first trial and about 7.5 bytes per trial; the estimate rounds both up and adds the
/// per-trial samples the aggregators keep, which puts it 30 to 45 % above the measured runs.
/// </remarks>
public static class RunFootprint
{
    /// <summary>Bytes per cell (feature-cohort pair, month and branch) before any trial.</summary>
    public const long BytesPerCell = 4_096;

    /// <summary>Bytes per cell and trial, and per kept sample value and trial.</summary>
    public const long BytesPerCellTrial = 8;

    /// <summary>Memory of the process before a run.</summary>
    public const long BaseBytes = 256L << 20;

    /// <summary>Returns the estimated peak memory of a run of <paramref name="plan"/> with <paramref name="trials"/> trials.</summary>
    public static long Estimate(SimulationPlan plan, int trials)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (cells, values) = Size(plan);
        return BaseBytes + (BytesPerCell * cells) + (BytesPerCellTrial * trials * (cells + values));
    }

    /// <summary>Refuses a run whose estimated memory is above <paramref name="maxBytes"/>, saying what would fit.</summary>
    /// <exception cref="InvalidInputException">The run would not fit.</exception>
    public static void Check(SimulationPlan plan, int trials, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var estimate = Estimate(plan, trials);
        if (estimate <= maxBytes)
        {
            return;
        }

        var (cells, values) = Size(plan);
        var fixedBytes = BaseBytes + (BytesPerCell * cells);
        var fitting = fixedBytes >= maxBytes ? 0 : (maxBytes - fixedBytes) / (BytesPerCellTrial * (cells + values));
        var shape = $"{cells:N0} feature-cohort cells (pairs × months × branches)";
        var limit = $"this host runs up to {Gib(maxBytes)} per run";
        throw new InvalidInputException(fitting >= 1
            ? new InputProblem(null, null, "trials", trials.ToString(CultureInfo.InvariantCulture),
                $"the run would need about {Gib(estimate)} for its {shape}; {limit}, so at most {fitting:N0} trials fit")
            : new InputProblem(null, null, "scenario", null,
                $"the scenario's {shape} need about {Gib(fixedBytes)} before the first trial; {limit}; "
                + "run fewer branches, a shorter horizon, or fewer features per cohort"));
    }

    private static (long Cells, long Values) Size(SimulationPlan plan)
    {
        long cells = 0;
        long values = 0;
        foreach (var branch in plan.Branches)
        {
            var pairs = branch.Cohorts.Sum(cohort => cohort.Features.Count(feature => feature is not null));
            cells += (long)pairs * plan.Months;
            values += (1L + (2L * branch.Features.Count) + branch.Cohorts.Count + branch.CostLines.Count) * plan.Months;
        }

        return (cells, values);
    }

    private static string Gib(long bytes) => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
}
