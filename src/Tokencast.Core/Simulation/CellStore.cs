namespace Tokencast.Core.Simulation;

/// <summary>
/// The monthly spend by cost line, after price trends, of every feature-cohort cell of one trial, kept so
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
    /// Books a saved cell into another branch's scratch; <paramref name="sourceLine"/> gives, for each cost
    /// line of that branch, the saved line of the same model or -1.
    /// </summary>
    public void Replay(int cell, int feature, int cohort, int[] sourceLine, TrialScratch scratch)
    {
        for (var m = 0; m < _months; m++)
        {
            var expectedTasks = _tasks[cell * _months + m];
            if (expectedTasks <= 0)
            {
                continue;
            }

            var spend = _spend.AsSpan((cell * _months + m) * _lines, _lines);
            scratch.BookReplay(feature, cohort, m, expectedTasks, spend, sourceLine);
        }
    }
}
