using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tokencast.Core;
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
        var maxTrials = new Option<int>("--max-trials")
        {
            Description = "Most trials per branch in one run.",
            DefaultValueFactory = _ => defaults.MaxTrials,
        };
        var maxRuns = new Option<int>("--max-runs")
        {
            Description = "Most runs going on at once.",
            DefaultValueFactory = _ => defaults.MaxConcurrentRuns,
        };
        var maxScenario = new Option<int>("--max-scenario-kib")
        {
            Description = "Largest scenario text accepted, in KiB.",
            DefaultValueFactory = _ => defaults.MaxScenarioBytes / 1024,
        };
        var examples = new Option<DirectoryInfo?>("--examples")
        {
            Description = "Folder of scenarios offered by name (default: the examples shipped with tokencast).",
        };

        var command = new Command("serve", "Serve the REST API, the live feed and the page.");
        foreach (var option in new Option[] { urls, keys, cluster, clusterId, serviceId, maxTrials, maxRuns, maxScenario, examples })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            WebHostOptions? options = null;
            var code = CommandRunner.Run(
                () =>
                {
                    options = Options(
                        parseResult.GetValue(urls)!,
                        parseResult.GetValue(keys),
                        parseResult.GetValue(cluster),
                        parseResult.GetValue(clusterId)!,
                        parseResult.GetValue(serviceId)!,
                        new HostLimits(parseResult.GetValue(maxScenario) * 1024, parseResult.GetValue(maxTrials), parseResult.GetValue(maxRuns)),
                        parseResult.GetValue(examples));
                    return CommandRunner.Success;
                },
                error);
            return options is null ? Task.FromResult(code) : ServeAsync(options, output, error, cancellationToken);
        });
        return command;
    }

    internal static WebHostOptions Options(
        string urls, FileInfo? keyFile, string? cluster, string clusterId, string serviceId, HostLimits limits, DirectoryInfo? examples)
    {
        var problems = new List<InputProblem>();
        if (string.IsNullOrWhiteSpace(urls))
        {
            problems.Add(new InputProblem(null, null, "--urls", urls, $"is empty; give an address such as {WebHost.DefaultUrl}"));
        }

        foreach (var (name, value) in new[]
        {
            ("--max-trials", limits.MaxTrials), ("--max-runs", limits.MaxConcurrentRuns), ("--max-scenario-kib", limits.MaxScenarioBytes / 1024),
        })
        {
            if (value < 1)
            {
                problems.Add(new InputProblem(null, null, name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be 1 or more"));
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
            Limits = limits,
            ExamplesFolder = examples?.FullName,
            ClusterConnection = cluster,
            ClusterId = clusterId,
            ServiceId = serviceId,
            Logging = logging => logging
                .AddSimpleConsole(console => console.TimestampFormat = "HH:mm:ss ")
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Orleans", LogLevel.Error)
                .AddFilter("Tokencast", LogLevel.Information),
        };
    }

    private static async Task<int> ServeAsync(WebHostOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var app = WebHost.Build(options);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or OrleansException or TimeoutException or InvalidOperationException)
        {
            await error.WriteLineAsync($"error: the host did not start: {exception.Message}"
                + (options.ClusterConnection is null ? "" : "; check --cluster and that the cluster's silos are running"));
            return CommandRunner.Failed;
        }

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
}
