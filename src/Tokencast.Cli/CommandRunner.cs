using Tokencast.Core;

namespace Tokencast.Cli;

/// <summary>
/// Runs a command body and turns user mistakes into a message on standard error with exit code 1,
/// never a stack trace.
/// </summary>
internal static class CommandRunner
{
    public const int Success = 0;
    public const int InvalidInput = 1;
    public const int Failed = 2;
    public const int Interrupted = 130;

    public static int Run(Func<int> body, TextWriter? error = null)
    {
        error ??= Console.Error;
        try
        {
            return body();
        }
        catch (InvalidInputException exception)
        {
            foreach (var problem in exception.Problems)
            {
                error.WriteLine($"error: {problem}");
            }

            return InvalidInput;
        }
        catch (FileNotFoundException exception)
        {
            error.WriteLine($"error: file not found: {exception.FileName ?? exception.Message}");
            return InvalidInput;
        }
        catch (DirectoryNotFoundException exception)
        {
            error.WriteLine($"error: directory not found: {exception.Message}");
            return InvalidInput;
        }
        catch (IOException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return InvalidInput;
        }
        catch (UnauthorizedAccessException exception)
        {
            error.WriteLine($"error: access denied: {exception.Message}");
            return InvalidInput;
        }
    }
}
