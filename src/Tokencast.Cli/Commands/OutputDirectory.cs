using Tokencast.Core;

namespace Tokencast.Cli.Commands;

/// <summary>Checks and creates an <c>--out</c> directory before the work, so a bad path fails at once.</summary>
internal static class OutputDirectory
{
    /// <summary>Creates <paramref name="directory"/> and returns it, or returns null when none is given.</summary>
    /// <param name="directory">The <c>--out</c> value, or null.</param>
    /// <param name="contents">What the directory receives, for messages.</param>
    /// <exception cref="InvalidInputException">The value is empty or names a file.</exception>
    public static string? Prepare(string? directory, string contents)
    {
        if (directory is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new InvalidInputException(new InputProblem(null, null, "--out", directory,
                "is empty; give a directory for the output files or leave the option out"));
        }

        if (File.Exists(directory))
        {
            throw new InvalidInputException(new InputProblem(null, null, "--out", directory,
                $"is a file; give a directory for {contents}"));
        }

        Directory.CreateDirectory(directory);
        return directory;
    }
}
