namespace Tokencast.Core.Simulation;

/// <summary>
/// How much one cohort of one branch uses the product in a range of trials: its users in each month and
/// its expected tasks per user for each feature of the branch (adoption times tasks per active user).
/// </summary>
public sealed class CohortBlock
{
    private readonly double[] _values;

    /// <summary>Creates zeroed storage for <paramref name="trialCount"/> trials starting at <paramref name="firstTrial"/>.</summary>
    public CohortBlock(int months, int features, int firstTrial, int trialCount)
        : this(months, features, firstTrial, trialCount, null)
    {
    }

    /// <summary>
    /// Wraps values laid out as <see cref="Values"/> describes, for example received from another machine;
    /// the block takes ownership of the array.
    /// </summary>
    public CohortBlock(int months, int features, int firstTrial, int trialCount, double[]? values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        ArgumentOutOfRangeException.ThrowIfNegative(features);
        ArgumentOutOfRangeException.ThrowIfNegative(firstTrial);
        ArgumentOutOfRangeException.ThrowIfNegative(trialCount);
        Months = months;
        Features = features;
        FirstTrial = firstTrial;
        TrialCount = trialCount;
        var length = (long)(months + features) * trialCount;
        if (values is not null && values.LongLength != length)
        {
            throw new ArgumentException($"Expected {length} values, got {values.LongLength}.", nameof(values));
        }

        _values = values ?? new double[length];
    }

    /// <summary>Months per trial.</summary>
    public int Months { get; }

    /// <summary>Features of the branch.</summary>
    public int Features { get; }

    /// <summary>The first trial held.</summary>
    public int FirstTrial { get; }

    /// <summary>Number of trials held.</summary>
    public int TrialCount { get; }

    /// <summary>Every value, trial by trial: users per month, then tasks per user per feature.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Users in each month of the trial in <paramref name="slot"/>.</summary>
    public Span<double> Users(int slot) => _values.AsSpan(slot * (Months + Features), Months);

    /// <summary>Expected tasks per user per full month of each feature, in the trial in <paramref name="slot"/>.</summary>
    public Span<double> TasksPerUser(int slot) => _values.AsSpan(slot * (Months + Features) + Months, Features);

    /// <summary>
    /// Returns a block of the same shape for another range of trials that reuses <paramref name="old"/>'s
    /// memory, or a new block when the trial count differs. The old block must no longer be read.
    /// </summary>
    public static CohortBlock Reuse(CohortBlock old, int firstTrial, int trialCount)
    {
        ArgumentNullException.ThrowIfNull(old);
        return old.TrialCount == trialCount
            ? new CohortBlock(old.Months, old.Features, firstTrial, trialCount, old._values)
            : new CohortBlock(old.Months, old.Features, firstTrial, trialCount);
    }
}
