namespace Tokencast.Core;

/// <summary>
/// Thrown when user input (a scenario, a catalog, a log) is invalid. Carries every problem found,
/// not only the first, so a user can fix them all in one pass.
/// </summary>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the exception from one or more problems.</summary>
    public InvalidInputException(IReadOnlyList<InputProblem> problems)
        : base(FormatMessage(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception from a single problem.</summary>
    public InvalidInputException(InputProblem problem)
        : this([problem])
    {
    }

    /// <summary>The problems found, in input order.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    private static string FormatMessage(IReadOnlyList<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        return problems.Count == 1
            ? problems[0].ToString()
            : $"{problems.Count} problems:{Environment.NewLine}"
              + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
