using System.Diagnostics;
using System.Globalization;
using Tokencast.Cluster.Tests.Postgres;

namespace Tokencast.Cluster.Tests.Forecasts;

/// <summary>
/// A <c>tokencast silo</c> process on free loopback ports, so a test can kill it the way a machine dies.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _log = [];

    private SiloProcess(Process process, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
    }

    /// <summary>The silo-to-silo port, which identifies the silo in the cluster.</summary>
    public int SiloPort { get; }

    /// <summary>What the silo printed so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>Starts a silo of <paramref name="clusterId"/> and returns once its host reports it started.</summary>
    public static async Task<SiloProcess> StartAsync(string connectionString, string clusterId)
    {
        var siloPort = LoopbackPorts.FindFree();
        var gatewayPort = LoopbackPorts.FindFree();
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "tokencast.dll"), "silo",
            "--postgres", connectionString,
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--cluster-id", clusterId,
            "--service-id", clusterId,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Suspect a silo after two unanswered one-second probes, so a killed one is declared dead in seconds.
        startInfo.Environment["TOKENCAST_Membership__ProbeTimeout"] = "00:00:01";
        startInfo.Environment["TOKENCAST_Membership__NumMissedProbesLimit"] = "2";
        startInfo.Environment["TOKENCAST_Membership__NumVotesForDeathDeclaration"] = "1";

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the silo.");
        var silo = new SiloProcess(process, siloPort);
        process.OutputDataReceived += (_, e) => silo.Record(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Record(e.Data);
        process.Exited += (_, _) => silo._started.TrySetException(new InvalidOperationException($"The silo exited:\n{silo.Log}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await silo._started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return silo;
    }

    /// <summary>Kills the process at once, with no chance to leave the cluster.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
