namespace Tokencast.Core.Simulation;

/// <summary>
/// Per-thread working memory for one trial: spend per month by feature, cohort and cost line, summed in
/// small local arrays and copied into <see cref="BranchSamples"/> once the trial is done.
/// </summary>
/// <remarks>
/// The total and the cost lines are summed per feature first, over its cohorts in order, and the feature
/// subtotals are then added in feature order (<see cref="FinishFeature"/>). Cohorts get one cell per
/// feature, also in feature order. <see cref="FeatureBlock"/> and <see cref="BlockSums.AddFeature"/>
/// follow the same order, so a trial summed here and one summed from features simulated on different
/// machines agree to the last bit.
/// </remarks>
internal sealed class TrialScratch
{
    private readonly int _months;
    private readonly double[] _total;
    private readonly double[] _features;
    private readonly double[] _cohorts;
    private readonly double[] _costLines;
    private readonly double[] _featureLines;
    private readonly double[] _tasks;

    public TrialScratch(BranchPlan branch, int months, int normalsPerCell)
    {
        _months = months;
        _total = new double[months];
        _features = new double[branch.Features.Count * months];
        _cohorts = new double[branch.Cohorts.Count * months];
        _costLines = new double[branch.CostLines.Count * months];
        _featureLines = new double[branch.CostLines.Count * months];
        _tasks = new double[branch.Features.Count * months];
        Lines = new double[branch.CostLines.Count];
        Normals = new double[normalsPerCell];
    }

    /// <summary>Spend per cost line of the month being simulated, before price trends.</summary>
    public double[] Lines { get; }

    /// <summary>Standard normal deviates for the months of one feature and cohort.</summary>
    public double[] Normals { get; }

    public void Clear()
    {
        Array.Clear(_total);
        Array.Clear(_features);
        Array.Clear(_cohorts);
        Array.Clear(_costLines);
        Array.Clear(_tasks);
    }

    /// <summary>Clears what simulating one feature writes, for a scratch that only ever has that feature in it.</summary>
    public void ClearFeature(int feature)
    {
        Array.Clear(_total);
        Array.Clear(_features, feature * _months, _months);
        Array.Clear(_cohorts);
        Array.Clear(_costLines);
        Array.Clear(_tasks, feature * _months, _months);
    }

    /// <summary>Adds the finished feature's subtotals into the total and the cost lines, and clears them.</summary>
    public void FinishFeature(int feature)
    {
        for (var m = 0; m < _months; m++)
        {
            _total[m] += _features[feature * _months + m];
        }

        for (var i = 0; i < _featureLines.Length; i++)
        {
            if (_featureLines[i] != 0)
            {
                _costLines[i] += _featureLines[i];
                _featureLines[i] = 0;
            }
        }
    }

    /// <summary>
    /// Applies price trends to <see cref="Lines"/>, leaving the spend after trends there, and adds the
    /// month's spend to every breakdown.
    /// </summary>
    public void Book(int feature, int cohort, int month, double expectedTasks, TrialAssumptions assumptions)
    {
        var cellTotal = 0.0;
        for (var line = 0; line < Lines.Length; line++)
        {
            if (Lines[line] == 0)
            {
                continue;
            }

            var spend = Lines[line] * assumptions.TrendFactor(line, month);
            Lines[line] = spend;
            _featureLines[line * _months + month] += spend;
            cellTotal += spend;
        }

        AddCell(feature, cohort, month, expectedTasks, cellTotal);
    }

    /// <summary>
    /// Adds a month of a cell booked by another branch: <paramref name="spend"/> is its spend after trends
    /// on that branch's cost lines, and <paramref name="sourceLine"/> gives, for each line of this branch,
    /// the line of the same model there (or -1). Sums run in this branch's line order, as in
    /// <see cref="Book"/>, so the result is the same to the last bit.
    /// </summary>
    public void BookReplay(
        int feature, int cohort, int month, double expectedTasks, ReadOnlySpan<double> spend, ReadOnlySpan<int> sourceLine)
    {
        var cellTotal = 0.0;
        for (var line = 0; line < sourceLine.Length; line++)
        {
            var source = sourceLine[line];
            var value = source >= 0 ? spend[source] : 0;
            if (value == 0)
            {
                continue;
            }

            _featureLines[line * _months + month] += value;
            cellTotal += value;
        }

        AddCell(feature, cohort, month, expectedTasks, cellTotal);
    }

    private void AddCell(int feature, int cohort, int month, double expectedTasks, double cellTotal)
    {
        _features[feature * _months + month] += cellTotal;
        _cohorts[cohort * _months + month] += cellTotal;
        _tasks[feature * _months + month] += expectedTasks;
    }

    public void CopyTo(BranchSamples samples, int slot)
    {
        for (var m = 0; m < _months; m++)
        {
            samples.Spend(BranchSamples.TotalSeries, m)[slot] = _total[m];
        }

        Copy(_features, samples.Features, BranchSamples.FeatureSeries, samples, slot);
        Copy(_cohorts, samples.Cohorts, samples.CohortSeries, samples, slot);
        Copy(_costLines, samples.CostLines, samples.CostLineSeries, samples, slot);
        for (var f = 0; f < samples.Features; f++)
        {
            for (var m = 0; m < _months; m++)
            {
                samples.Tasks(f, m)[slot] = _tasks[f * _months + m];
            }
        }
    }

    /// <summary>Copies the one feature in this scratch into the row of <paramref name="slot"/> in <paramref name="block"/>.</summary>
    public void CopyTo(FeatureBlock block, int feature, int slot)
    {
        var row = block.Trial(slot);
        _features.AsSpan(feature * _months, _months).CopyTo(row);
        _cohorts.CopyTo(row[_months..]);
        _costLines.CopyTo(row[(_months + _cohorts.Length)..]);
        _tasks.AsSpan(feature * _months, _months).CopyTo(row[(_months + _cohorts.Length + _costLines.Length)..]);
    }

    private void Copy(double[] source, int count, Func<int, int> series, BranchSamples samples, int slot)
    {
        for (var i = 0; i < count; i++)
        {
            var s = series(i);
            for (var m = 0; m < _months; m++)
            {
                samples.Spend(s, m)[slot] = source[i * _months + m];
            }
        }
    }
}
