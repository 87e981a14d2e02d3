namespace Tokencast.Core.Simulation;

/// <summary>
/// What one feature of one branch spent in a range of trials, per month: its total, its cell in each
/// cohort, each cost line, and its expected tasks. Blocks of every feature added in feature order with
/// <see cref="BranchSamples.AddFeature"/> give the branch's samples, whichever machine simulated each.
/// </summary>
public sealed class FeatureBlock
{
    private readonly double[] _values;

    /// <summary>Creates zeroed storage for <paramref name="trialCount"/> trials starting at <paramref name="firstTrial"/>.</summary>
    public FeatureBlock(int cohorts, int costLines, int months, int firstTrial, int trialCount)
        : this(cohorts, costLines, months, firstTrial, trialCount, null)
    {
    }

    /// <summary>
    /// Wraps values laid out as <see cref="Values"/> describes, for example received from another machine;
    /// the block takes ownership of the array.
    /// </summary>
    public FeatureBlock(int cohorts, int costLines, int months, int firstTrial, int trialCount, double[]? values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cohorts);
        ArgumentOutOfRangeException.ThrowIfNegative(costLines);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        ArgumentOutOfRangeException.ThrowIfNegative(firstTrial);
        ArgumentOutOfRangeException.ThrowIfNegative(trialCount);
        Cohorts = cohorts;
        CostLines = costLines;
        Months = months;
        FirstTrial = firstTrial;
        TrialCount = trialCount;
        var length = (long)(cohorts + costLines + 2) * months * trialCount;
        if (values is not null && values.LongLength != length)
        {
            throw new ArgumentException($"Expected {length} values, got {values.LongLength}.", nameof(values));
        }

        _values = values ?? new double[length];
    }

    /// <summary>
    /// Returns a block of the same shape for another range of trials that reuses <paramref name="old"/>'s
    /// memory, or a new block when the trial count differs. The old block must no longer be read: its
    /// values are overwritten as the new block is filled.
    /// </summary>
    public static FeatureBlock Reuse(FeatureBlock old, int firstTrial, int trialCount)
    {
        ArgumentNullException.ThrowIfNull(old);
        return old.TrialCount == trialCount
            ? new FeatureBlock(old.Cohorts, old.CostLines, old.Months, firstTrial, trialCount, old._values)
            : new FeatureBlock(old.Cohorts, old.CostLines, old.Months, firstTrial, trialCount);
    }

    /// <summary>Cohorts of the branch.</summary>
    public int Cohorts { get; }

    /// <summary>Cost lines of the branch.</summary>
    public int CostLines { get; }

    /// <summary>Months per trial.</summary>
    public int Months { get; }

    /// <summary>The first trial held.</summary>
    public int FirstTrial { get; }

    /// <summary>Number of trials held.</summary>
    public int TrialCount { get; }

    /// <summary>
    /// Every value, series by series and month by month, each a run of <see cref="TrialCount"/> trials. The
    /// series are the feature's total, its cell in each cohort, each cost line, then its expected tasks.
    /// </summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The feature's spend in USD in one month, per trial.</summary>
    public Span<double> Total(int month) => Series(0, month);

    /// <summary>The feature's spend in one cohort and month, per trial.</summary>
    public Span<double> Cohort(int cohort, int month) => Series(1 + cohort, month);

    /// <summary>The feature's spend on one cost line in one month, per trial.</summary>
    public Span<double> CostLine(int line, int month) => Series(1 + Cohorts + line, month);

    /// <summary>The feature's expected tasks in one month, per trial.</summary>
    public Span<double> Tasks(int month) => Series(1 + Cohorts + CostLines, month);

    private Span<double> Series(int series, int month) =>
        _values.AsSpan((int)(((long)series * Months + month) * TrialCount), TrialCount);
}
