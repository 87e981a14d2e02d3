using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tokencast.Core;
using Tokencast.Core.Scenarios;
using Tokencast.Grains.Runs;
using Tokencast.Host;
using Tokencast.Host.Security;

namespace Tokencast.Cli.Commands;

/// <summary>
/// The <c>tokencast serve</c> command: the REST API, the live feed and the page in one process, over an
/// embedded silo or as a client of a running cluster, until it is stopped (Ctrl+C or SIGTERM).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default {WebHost.DefaultUrl}, loopback only).",
            DefaultValueFactory = _ => WebHost.DefaultUrl,
        };
        var keys = new Option<FileInfo?>("--keys")
        {
            Description = "Key file, one key per line as ROLE NAME KEY (role viewer or planner). Without it a planner key is "
                + "generated and printed in the page's address.",
        };
        var cluster = new Option<string?>("--cluster")
        {
            Description = "PostgreSQL connection string of a running cluster to join as a client; without it the host runs "
                + "its own silo and keeps runs in memory.",
        };
        var clusterId = new Option<string>("--cluster-id") { Description = "Cluster id.", DefaultValueFactory = _ => ClusterNames.DefaultClusterId };
        var serviceId = new Option<string>("--service-id") { Description = "Service id.", DefaultValueFactory = _ => ClusterNames.DefaultServiceId };
        var defaults = new HostLimits();
        var maxTrials = new Option<long>("--max-trials")
        {
            Description = $"Max trials per branch in one run, from 1 to {int.MaxValue:N0}.",
            DefaultValueFactory = _ => defaults.MaxTrials,
        };
        var maxRuns = new Option<long>("--max-runs")
        {
            Description = $"Max runs going on at once, from 1 to {int.MaxValue:N0}.",
            DefaultValueFactory = _ => defaults.MaxConcurrentRuns,
        };
        var maxScenario = new Option<long>("--max-scenario-kib")
        {
            Description = $"Largest scenario text accepted, in KiB, from 1 to {MaxScenarioKib:N0}.",
            DefaultValueFactory = _ => defaults.MaxScenarioBytes / 1024,
        };
        var maxRunGib = new Option<long>("--max-run-gib")
        {
            Description = $"Most memory one run may take by the host's estimate, in GiB, from 1 to {MaxRunGib:N0}.",
            DefaultValueFactory = _ => defaults.MaxRunBytes >> 30,
        };
        var store = new Option<DirectoryInfo?>("--store")
        {
            Description = $"Actuals store read by /api/actuals; default {Core.Actuals.ActualsStore.DefaultDirectory} under the current directory.",
        };
        var history = new Option<string?>("--history")
        {
            Description = $"Forecast history read by /api/forecasts; default {Core.History.FolderForecastHistory.DefaultFolder} under the current directory.",
        };
        var examples = new Option<DirectoryInfo?>("--examples")
        {
            Description = "Folder of scenarios offered by name (default: the examples shipped with tokencast).",
        };

        var command = new Command("serve", "Serve the REST API, the live feed and the page.");
        foreach (var option in new Option[] { urls, keys, cluster, clusterId, serviceId, maxTrials, maxRuns, maxScenario, maxRunGib, examples, store, history })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            WebHostOptions? options = null;
            var startup = new StartupLogGate();
            var code = CommandRunner.Run(
                () =>
                {
                    options = Options(
                        parseResult.GetValue(urls)!,
                        parseResult.GetValue(keys),
                        parseResult.GetValue(cluster),
                        parseResult.GetValue(clusterId)!,
                        parseResult.GetValue(serviceId)!,
                        new LimitOptions(
                            parseResult.GetValue(maxScenario), parseResult.GetValue(maxTrials), parseResult.GetValue(maxRuns), parseResult.GetValue(maxRunGib)),
                        parseResult.GetValue(examples),
                        startup,
                        parseResult.GetValue(store)?.FullName,
                        parseResult.GetValue(history));
                    return CommandRunner.Success;
                },
                error);
            return options is null ? Task.FromResult(code) : ServeAsync(options, startup, output, error, cancellationToken);
        });
        return command;
    }

    /// <summary>Largest value of --max-scenario-kib: the scenario reader reads no file above 16 MiB.</summary>
    internal const long MaxScenarioKib = ScenarioReader.MaxFileBytes / 1024;

    /// <summary>Largest per-run memory limit accepted, in GiB: far above any machine this runs on today.</summary>
    internal const long MaxRunGib = 1024;

    internal static WebHostOptions Options(
        string urls,
        FileInfo? keyFile,
        string? cluster,
        string clusterId,
        string serviceId,
        LimitOptions limits,
        DirectoryInfo? examples,
        StartupLogGate? startup = null,
        string? actualsStore = null,
        string? history = null)
    {
        var problems = new List<InputProblem>();
        problems.AddRange(ListenAddresses.Check(urls));
        foreach (var (name, value, max, unit) in new[]
        {
            ("--max-trials", limits.MaxTrials, (long)int.MaxValue, ""),
            ("--max-runs", limits.MaxRuns, int.MaxValue, ""),
            ("--max-scenario-kib", limits.MaxScenarioKib, MaxScenarioKib, " KiB"),
            ("--max-run-gib", limits.MaxRunGib, MaxRunGib, " GiB"),
        })
        {
            if (value < 1 || value > max)
            {
                problems.Add(new InputProblem(
                    null, null, name, value.ToString(CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"must be from 1 to {max:N0}{unit}")));
            }
        }

        if (examples is not null && !examples.Exists)
        {
            problems.Add(new InputProblem(examples.FullName, null, "--examples", null, "the folder does not exist"));
        }

        if (cluster is null && (clusterId != ClusterNames.DefaultClusterId || serviceId != ClusterNames.DefaultServiceId))
        {
            problems.Add(new InputProblem(null, null, "--cluster-id", clusterId, "names the cluster to join; give --cluster too"));
        }

        IReadOnlyList<ApiKey> keys = [ApiKey.GeneratePlanner()];
        if (keyFile is not null)
        {
            try
            {
                keys = KeyFile.Read(keyFile.FullName);
            }
            catch (InvalidInputException exception)
            {
                problems.AddRange(exception.Problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return new WebHostOptions
        {
            Urls = urls,
            Keys = keys,
            Limits = new HostLimits((int)limits.MaxScenarioKib * 1024, (int)limits.MaxTrials, (int)limits.MaxRuns, limits.MaxRunGib << 30),
            ExamplesFolder = examples?.FullName,
            ActualsFolder = actualsStore,
            HistoryFolder = history,
            ClusterConnection = cluster,
            ClusterId = clusterId,
            ServiceId = serviceId,
            Logging = logging => logging
                .AddSimpleConsole(console => console.TimestampFormat = "HH:mm:ss ")
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter((category, level) => (startup?.IsOpen ?? true) && level >= MinimumLevel(category)),
        };
    }

    /// <summary>Returns the least level logged for a category: Tokencast's information, Orleans' errors, others' warnings.</summary>
    private static LogLevel MinimumLevel(string? category) =>
        category?.StartsWith("Tokencast", StringComparison.Ordinal) == true ? LogLevel.Information
        : category?.StartsWith("Orleans", StringComparison.Ordinal) == true ? LogLevel.Error
        : LogLevel.Warning;

    internal static async Task<int> ServeAsync(
        WebHostOptions options, StartupLogGate startup, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var app = WebHost.Build(options);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OrleansException or TimeoutException
            or InvalidOperationException or ArgumentException or FormatException)
        {
            await error.WriteLineAsync($"error: the host did not start: {exception.Message}"
                + (options.ClusterConnection is null ? "" : "; check --cluster and that the cluster's silos are running"));
            return CommandRunner.Failed;
        }

        startup.IsOpen = true;

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var generated = options.Keys is [{ Name: "generated" } key] ? key : null;
        foreach (var address in addresses)
        {
            var page = address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal) + "/";
            await output.WriteLineAsync(generated is null ? $"Tokencast is serving at {page}" : $"Tokencast is serving at {page}#key={generated.Secret}");
        }

        if (generated is not null)
        {
            await output.WriteLineAsync("The key in that address is a planner key made for this process; it ends when the process ends.");
            if (!WebHost.IsLoopbackOnly(options.Urls))
            {
                await output.WriteLineAsync(
                    "warning: the host listens beyond loopback; anyone who has the key can start runs. Use --keys to give keys per person.");
            }
        }

        await output.WriteLineAsync($"API description: {WebHost.OpenApiPath}. Stop with Ctrl+C.");
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }

        return CommandRunner.Success;
    }

    /// <summary>The limit options as given, before they are checked and converted to bytes.</summary>
    internal sealed record LimitOptions(long MaxScenarioKib, long MaxTrials, long MaxRuns, long MaxRunGib = 4);

    /// <summary>
    /// Holds the console log closed while the host starts. A failed start then prints its one error line,
    /// and not the stack traces that hosting and Orleans log for it. Warnings logged during a good start
    /// are dropped too.
    /// </summary>
    internal sealed class StartupLogGate
    {
        private volatile bool _isOpen;

        public bool IsOpen
        {
            get => _isOpen;
            set => _isOpen = value;
        }
    }
}
