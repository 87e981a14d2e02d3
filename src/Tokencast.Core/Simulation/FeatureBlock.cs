namespace Tokencast.Core.Simulation;

/// <summary>
/// What one feature of one branch spent in a range of trials, per month: its total, its cell in each
/// cohort, each cost line, and its expected tasks. Blocks of every feature added in feature order with
/// <see cref="BlockSums.AddFeature"/> give the branch's samples, whichever machine simulated each.
/// </summary>
/// <remarks>
/// Values are kept trial by trial, so that simulating a trial writes one contiguous row and summing
/// features adds whole rows.
/// </remarks>
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

    /// <summary>Values per trial: <see cref="Months"/> × (cohorts + cost lines + 2).</summary>
    public int RowLength => (Cohorts + CostLines + 2) * Months;

    /// <summary>Every value, trial by trial; each trial's row is laid out as <see cref="Trial"/> describes.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>
    /// Returns the row of the trial in <paramref name="slot"/>: the feature's total per month, then its cell
    /// in each cohort per month, then each cost line per month, then its expected tasks per month.
    /// </summary>
    public Span<double> Trial(int slot) => _values.AsSpan(slot * RowLength, RowLength);
}
