namespace Tokencast.Core.Simulation;

/// <summary>
/// Per-trial spend of one branch for a range of trials: the total, each feature, each cohort and each
/// cost line, per month, plus expected tasks per feature. Totals are summed per trial before any
/// percentile is taken, because percentiles do not add.
/// </summary>
public sealed class BranchSamples
{
    private readonly double[] _spend;
    private readonly double[] _tasks;

    /// <summary>Creates zeroed storage for <paramref name="trialCount"/> trials starting at <paramref name="firstTrial"/>.</summary>
    public BranchSamples(int features, int cohorts, int costLines, int months, int firstTrial, int trialCount)
        : this(features, cohorts, costLines, months, firstTrial, trialCount, null, null)
    {
    }

    /// <summary>
    /// Wraps values laid out as <see cref="SpendValues"/> and <see cref="TaskValues"/> describe, for example
    /// received from another machine; the samples take ownership of the arrays.
    /// </summary>
    public BranchSamples(
        int features, int cohorts, int costLines, int months, int firstTrial, int trialCount, double[]? spend, double[]? tasks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(features);
        ArgumentOutOfRangeException.ThrowIfNegative(cohorts);
        ArgumentOutOfRangeException.ThrowIfNegative(costLines);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        ArgumentOutOfRangeException.ThrowIfNegative(trialCount);
        Features = features;
        Cohorts = cohorts;
        CostLines = costLines;
        Months = months;
        FirstTrial = firstTrial;
        TrialCount = trialCount;
        SeriesCount = 1 + features + cohorts + costLines;
        var spendLength = (long)SeriesCount * months * trialCount;
        var tasksLength = (long)features * months * trialCount;
        if ((spend is not null && spend.LongLength != spendLength) || (tasks is not null && tasks.LongLength != tasksLength))
        {
            throw new ArgumentException($"Expected {spendLength} spend and {tasksLength} task values.", nameof(spend));
        }

        _spend = spend ?? new double[spendLength];
        _tasks = tasks ?? new double[tasksLength];
    }

    /// <summary>Every spend value, series by series and month by month, each a run of <see cref="TrialCount"/> trials.</summary>
    public ReadOnlySpan<double> SpendValues => _spend;

    /// <summary>Every expected-task value, feature by feature and month by month, each a run of <see cref="TrialCount"/> trials.</summary>
    public ReadOnlySpan<double> TaskValues => _tasks;

    /// <summary>
    /// Returns zeroed samples of the same shape for another range of trials that reuse
    /// <paramref name="old"/>'s memory, or new samples when the trial count differs. The old samples must
    /// no longer be read.
    /// </summary>
    public static BranchSamples Reuse(BranchSamples old, int firstTrial, int trialCount)
    {
        ArgumentNullException.ThrowIfNull(old);
        if (old.TrialCount != trialCount)
        {
            return new BranchSamples(old.Features, old.Cohorts, old.CostLines, old.Months, firstTrial, trialCount);
        }

        Array.Clear(old._spend);
        Array.Clear(old._tasks);
        return new BranchSamples(old.Features, old.Cohorts, old.CostLines, old.Months, firstTrial, trialCount, old._spend, old._tasks);
    }

    /// <summary>Number of features.</summary>
    public int Features { get; }

    /// <summary>Number of cohorts.</summary>
    public int Cohorts { get; }

    /// <summary>Number of cost lines.</summary>
    public int CostLines { get; }

    /// <summary>Months per trial.</summary>
    public int Months { get; }

    /// <summary>The first trial held.</summary>
    public int FirstTrial { get; }

    /// <summary>Number of trials held.</summary>
    public int TrialCount { get; }

    /// <summary>Series per month: the total, then features, cohorts and cost lines.</summary>
    public int SeriesCount { get; }

    /// <summary>Series index of the total.</summary>
    public static int TotalSeries => 0;

    /// <summary>Series index of a feature.</summary>
    public static int FeatureSeries(int feature) => 1 + feature;

    /// <summary>Series index of a cohort.</summary>
    public int CohortSeries(int cohort) => 1 + Features + cohort;

    /// <summary>Series index of a cost line.</summary>
    public int CostLineSeries(int line) => 1 + Features + Cohorts + line;

    /// <summary>Spend in USD of all trials held, for one series and month.</summary>
    public Span<double> Spend(int series, int month) =>
        _spend.AsSpan((series * Months + month) * TrialCount, TrialCount);

    /// <summary>Expected tasks of all trials held, for one feature and month.</summary>
    public Span<double> Tasks(int feature, int month) =>
        _tasks.AsSpan((feature * Months + month) * TrialCount, TrialCount);

    /// <summary>Copies a block of trials computed elsewhere into its place.</summary>
    public void CopyFrom(BranchSamples block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var offset = block.FirstTrial - FirstTrial;
        if (offset < 0 || offset + block.TrialCount > TrialCount || block.SeriesCount != SeriesCount || block.Months != Months)
        {
            throw new ArgumentException("The block does not fit these samples.", nameof(block));
        }

        for (var series = 0; series < SeriesCount; series++)
        {
            for (var month = 0; month < Months; month++)
            {
                block.Spend(series, month).CopyTo(Spend(series, month)[offset..]);
            }
        }

        for (var feature = 0; feature < Features; feature++)
        {
            for (var month = 0; month < Months; month++)
            {
                block.Tasks(feature, month).CopyTo(Tasks(feature, month)[offset..]);
            }
        }
    }
}
