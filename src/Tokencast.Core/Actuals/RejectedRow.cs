namespace Tokencast.Core.Actuals;

/// <summary>A row set aside by an import because it is invalid.</summary>
/// <param name="Line">1-based line of the row.</param>
/// <param name="Reason">What is wrong with the row, with the column and value where known.</param>
public sealed record RejectedRow(long Line, string Reason)
{
    /// <summary>Creates the rejection of one row from the problems found on it.</summary>
    internal static RejectedRow FromProblems(long line, IEnumerable<InputProblem> problems) =>
        new(line, string.Join(" ", problems.Select(Describe)));

    private static string Describe(InputProblem problem)
    {
        var column = string.IsNullOrEmpty(problem.Path) ? "" : $"{problem.Path}: ";
        var value = problem.Value is null ? "" : $" (value: {problem.Value})";
        return $"{column}{problem.Message}{value}";
    }
}
