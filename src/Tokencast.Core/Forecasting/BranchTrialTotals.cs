namespace Tokencast.Core.Forecasting;

/// <summary>
/// Total spend of one branch in every trial of a run, per month and over the horizon, kept when
/// <see cref="Simulation.EngineOptions.KeepTrialTotals"/> is set.
/// </summary>
public sealed class BranchTrialTotals
{
    private readonly double[] _monthlyUsd;

    /// <summary>
    /// Creates the totals from month-major values: all trials of the first month, then all of the second, and so
    /// on. The horizon total of a trial is the sum of its months in month order, as the bands take it.
    /// </summary>
    public BranchTrialTotals(string branch, int months, int trials, double[] monthlyUsd)
    {
        ArgumentNullException.ThrowIfNull(branch);
        ArgumentNullException.ThrowIfNull(monthlyUsd);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (monthlyUsd.LongLength != (long)months * trials)
        {
            throw new ArgumentException(
                $"Expected {(long)months * trials} values ({months} months × {trials} trials), got {monthlyUsd.Length}.",
                nameof(monthlyUsd));
        }

        Branch = branch;
        Months = months;
        Trials = trials;
        _monthlyUsd = monthlyUsd;
        HorizonUsd = new double[trials];
        for (var m = 0; m < months; m++)
        {
            var month = Month(m);
            for (var t = 0; t < trials; t++)
            {
                HorizonUsd[t] += month[t];
            }
        }
    }

    /// <summary>Branch name.</summary>
    public string Branch { get; }

    /// <summary>Months in the horizon.</summary>
    public int Months { get; }

    /// <summary>Number of trials.</summary>
    public int Trials { get; }

    /// <summary>Total spend over the horizon in USD, one value per trial in trial order.</summary>
    public double[] HorizonUsd { get; }

    /// <summary>Returns the total spend in USD of month <paramref name="month"/>, one value per trial.</summary>
    public ReadOnlySpan<double> Month(int month)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(month);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(month, Months);
        return _monthlyUsd.AsSpan(month * Trials, Trials);
    }
}
