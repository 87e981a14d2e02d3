using System.Numerics;

namespace Tokencast.Core.Simulation;

/// <summary>
/// Sums the features of one branch for a range of trials, trial by trial: each feature's total into the
/// branch total, its cells into the cohorts and its cost lines into theirs. Features must be added in the
/// branch's feature order. The sums then run in the same order as in a trial simulated in one piece,
/// which makes the result the same to the last bit.
/// </summary>
public sealed class BlockSums
{
    private readonly double[] _rows;
    private readonly int _months;
    private readonly int _features;
    private readonly int _cohorts;
    private readonly int _costLines;
    private readonly int _rowLength;

    /// <summary>Creates zeroed sums for <paramref name="trialCount"/> trials starting at <paramref name="firstTrial"/>.</summary>
    public BlockSums(int features, int cohorts, int costLines, int months, int firstTrial, int trialCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(features);
        ArgumentOutOfRangeException.ThrowIfNegative(cohorts);
        ArgumentOutOfRangeException.ThrowIfNegative(costLines);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        ArgumentOutOfRangeException.ThrowIfNegative(trialCount);
        (_features, _cohorts, _costLines, _months) = (features, cohorts, costLines, months);
        FirstTrial = firstTrial;
        TrialCount = trialCount;

        // Per trial: total, features, cohorts and cost lines per month, then tasks per feature and month.
        _rowLength = ((1 + features + cohorts + costLines) * months) + (features * months);
        _rows = new double[(long)_rowLength * trialCount];
    }

    /// <summary>The first trial held.</summary>
    public int FirstTrial { get; private set; }

    /// <summary>Number of trials held.</summary>
    public int TrialCount { get; }

    /// <summary>Zeroes the sums and moves them to another range of as many trials, reusing their memory.</summary>
    public void Restart(int firstTrial)
    {
        Array.Clear(_rows);
        FirstTrial = firstTrial;
    }

    /// <summary>Adds feature <paramref name="feature"/>'s block, which must cover the same trials.</summary>
    public void AddFeature(int feature, FeatureBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentOutOfRangeException.ThrowIfNegative(feature);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feature, _features);
        if (block.FirstTrial != FirstTrial || block.TrialCount != TrialCount || block.Cohorts != _cohorts
            || block.CostLines != _costLines || block.Months != _months)
        {
            throw new ArgumentException("The block does not fit these sums.", nameof(block));
        }

        var m = _months;
        for (var slot = 0; slot < TrialCount; slot++)
        {
            var source = block.Trial(slot);
            var row = _rows.AsSpan(slot * _rowLength, _rowLength);
            var total = source[..m];
            Add(total, row[..m]);
            total.CopyTo(row.Slice((1 + feature) * m, m));
            Add(source.Slice(m, _cohorts * m), row.Slice((1 + _features) * m, _cohorts * m));
            Add(source.Slice((1 + _cohorts) * m, _costLines * m), row.Slice((1 + _features + _cohorts) * m, _costLines * m));
            source.Slice((1 + _cohorts + _costLines) * m, m).CopyTo(row.Slice(((1 + _features + _cohorts + _costLines) * m) + (feature * m), m));
        }
    }

    /// <summary>Copies the sums into their trials' slots of <paramref name="samples"/>, series by series.</summary>
    public void CopyTo(BranchSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var offset = FirstTrial - samples.FirstTrial;
        if (offset < 0 || offset + TrialCount > samples.TrialCount || samples.Features != _features
            || samples.Cohorts != _cohorts || samples.CostLines != _costLines || samples.Months != _months)
        {
            throw new ArgumentException("The samples do not fit these sums.", nameof(samples));
        }

        var seriesCount = 1 + _features + _cohorts + _costLines;
        for (var slot = 0; slot < TrialCount; slot++)
        {
            var row = _rows.AsSpan(slot * _rowLength, _rowLength);
            for (var series = 0; series < seriesCount; series++)
            {
                for (var month = 0; month < _months; month++)
                {
                    samples.Spend(series, month)[offset + slot] = row[(series * _months) + month];
                }
            }

            var tasks = row[(seriesCount * _months)..];
            for (var feature = 0; feature < _features; feature++)
            {
                for (var month = 0; month < _months; month++)
                {
                    samples.Tasks(feature, month)[offset + slot] = tasks[(feature * _months) + month];
                }
            }
        }
    }

    /// <summary>Adds <paramref name="values"/> to <paramref name="sums"/> element by element.</summary>
    private static void Add(ReadOnlySpan<double> values, Span<double> sums)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(sums[i..]) + new Vector<double>(values[i..])).CopyTo(sums[i..]);
            }
        }

        for (; i < values.Length; i++)
        {
            sums[i] += values[i];
        }
    }
}
