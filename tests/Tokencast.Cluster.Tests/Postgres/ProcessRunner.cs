using System.Diagnostics;

namespace Tokencast.Cluster.Tests.Postgres;

/// <summary>
/// Runs a command to completion and captures its output.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> and returns its exit code, stdout and stderr.</summary>
    /// <exception cref="TimeoutException">
    /// The command did not exit within <paramref name="timeout"/>; it is killed.
    /// </exception>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // A directory every user can enter, because some commands run as the postgres user.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{fileName} {string.Join(' ', startInfo.ArgumentList)} did not exit within {timeout}.");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
