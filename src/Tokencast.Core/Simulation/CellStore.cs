namespace Tokencast.Core.Simulation;

/// <summary>
/// The monthly spend by cost line, before price trends, of every feature-cohort cell of one trial, kept so
/// that a branch which leaves a cell unchanged can replay it instead of simulating it again.
/// </summary>
internal sealed class CellStore
{
    private readonly int _months;
    private readonly int _lines;
    private readonly double[] _spend;
    private readonly double[] _tasks;

    public CellStore(int cells, int months, int lines)
    {
        _months = months;
        _lines = lines;
        _spend = new double[cells * months * lines];
        _tasks = new double[cells * months];
    }

    public void Clear(int cell)
    {
        Array.Clear(_spend, cell * _months * _lines, _months * _lines);
        Array.Clear(_tasks, cell * _months, _months);
    }

    public void Save(int cell, int month, double expectedTasks, double[] lines)
    {
        _tasks[cell * _months + month] = expectedTasks;
        Array.Copy(lines, 0, _spend, (cell * _months + month) * _lines, _lines);
    }

    /// <summary>
    /// Books a saved cell into another branch's scratch; <paramref name="lineMap"/> gives, for each saved
    /// cost line, the line of the same model in that branch (a shared cell only uses lines both branches have).
    /// </summary>
    public void Replay(int cell, int feature, int cohort, int[] lineMap, TrialScratch scratch, TrialAssumptions assumptions)
    {
        for (var m = 0; m < _months; m++)
        {
            var expectedTasks = _tasks[cell * _months + m];
            if (expectedTasks <= 0)
            {
                continue;
            }

            Array.Clear(scratch.Lines);
            var offset = (cell * _months + m) * _lines;
            for (var line = 0; line < _lines; line++)
            {
                if (lineMap[line] >= 0)
                {
                    scratch.Lines[lineMap[line]] = _spend[offset + line];
                }
            }

            scratch.Book(feature, cohort, m, expectedTasks, assumptions);
        }
    }
}
