using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tokencast.Core;
using Tokencast.Core.Actuals;
using Tokencast.Core.History;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Reforecasting;
using Tokencast.Grains.Runs;

namespace Tokencast.Cli.Commands;

/// <summary>
/// The <c>tokencast silo</c> command: runs one silo of a cluster that keeps its membership, runs and
/// reminders in PostgreSQL, until it is stopped (Ctrl+C or SIGTERM).
/// </summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres")
        {
            Description = $"PostgreSQL connection string (default: the {ClusterNames.PostgresVariable} environment variable). "
                + "The database needs the schema of deploy/sql/.",
        };
        var siloPort = new Option<int>("--silo-port") { Description = "Port for other silos.", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port for clients.", DefaultValueFactory = _ => 30000 };
        var advertise = new Option<string>("--advertise")
        {
            Description = "Address other silos and clients reach this silo at (default 127.0.0.1), or auto for the "
                + "host's first IPv4 address that is not loopback; any address but loopback makes the silo listen on every interface.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var clusterId = new Option<string>("--cluster-id") { Description = "Cluster id.", DefaultValueFactory = _ => ClusterNames.DefaultClusterId };
        var serviceId = new Option<string>("--service-id") { Description = "Service id.", DefaultValueFactory = _ => ClusterNames.DefaultServiceId };
        var store = new Option<DirectoryInfo?>("--store")
        {
            Description = "Actuals store folder scheduled reforecasts read; default "
                + $"{ActualsStore.DefaultDirectory}. Every silo of the cluster must see the same folder.",
        };
        var history = new Option<DirectoryInfo?>("--history")
        {
            Description = "History folder scheduled reforecasts store versions in; default "
                + $"{FolderForecastHistory.DefaultFolder}. Every silo of the cluster must see the same folder.",
        };

        var command = new Command("silo", "Run one silo of a Tokencast cluster backed by PostgreSQL.");
        command.Options.Add(postgres);
        command.Options.Add(siloPort);
        command.Options.Add(gatewayPort);
        command.Options.Add(advertise);
        command.Options.Add(clusterId);
        command.Options.Add(serviceId);
        command.Options.Add(store);
        command.Options.Add(history);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(postgres) ?? Environment.GetEnvironmentVariable(ClusterNames.PostgresVariable),
            parseResult.GetValue(siloPort),
            parseResult.GetValue(gatewayPort),
            parseResult.GetValue(advertise)!,
            parseResult.GetValue(clusterId)!,
            parseResult.GetValue(serviceId)!,
            new ReforecastFolders
            {
                ActualsFolder = (parseResult.GetValue(store)?.FullName)
                    ?? Path.GetFullPath(ActualsStore.DefaultDirectory),
                HistoryFolder = (parseResult.GetValue(history)?.FullName)
                    ?? Path.GetFullPath(FolderForecastHistory.DefaultFolder),
            },
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string? connectionString,
        int siloPort,
        int gatewayPort,
        string advertise,
        string clusterId,
        string serviceId,
        ReforecastFolders folders,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        SiloSettings settings;
        try
        {
            settings = Settings(connectionString, siloPort, gatewayPort, advertise, clusterId, serviceId);
        }
        catch (InvalidInputException exception)
        {
            foreach (var problem in exception.Problems)
            {
                await error.WriteLineAsync($"error: {problem}");
            }

            return CommandRunner.InvalidInput;
        }

        using var host = ClusterSilo.Build(settings, logging => logging
            .AddSimpleConsole(options => options.TimestampFormat = "HH:mm:ss ")
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Tokencast", LogLevel.Information)
            .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information),
            reforecastFolders: options =>
            {
                options.ActualsFolder = folders.ActualsFolder;
                options.HistoryFolder = folders.HistoryFolder;
            });
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is OrleansException or Npgsql.NpgsqlException or System.Net.Sockets.SocketException
            or TimeoutException or InvalidOperationException)
        {
            await error.WriteLineAsync(
                $"error: the silo stopped: {exception.Message}; check --postgres and that the database has the schema of deploy/sql/");
            return CommandRunner.Failed;
        }

        return CommandRunner.Success;
    }

    internal static SiloSettings Settings(
        string? connectionString, int siloPort, int gatewayPort, string advertise, string clusterId, string serviceId)
    {
        var problems = new List<InputProblem>();
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Add(new InputProblem(
                null, null, "--postgres", connectionString,
                $"give a PostgreSQL connection string with --postgres or in {ClusterNames.PostgresVariable}"));
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException exception)
            {
                problems.Add(new InputProblem(null, null, "--postgres", null, $"is not a valid connection string: {exception.Message}"));
            }
        }

        foreach (var (name, port) in new[] { ("--silo-port", siloPort), ("--gateway-port", gatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                problems.Add(new InputProblem(null, null, name, port.ToString(CultureInfo.InvariantCulture), "ports are between 1 and 65535"));
            }
        }

        if (siloPort == gatewayPort)
        {
            problems.Add(new InputProblem(
                null, null, "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture), "must differ from --silo-port"));
        }

        foreach (var (name, id) in new[] { ("--cluster-id", clusterId), ("--service-id", serviceId) })
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new InputProblem(null, null, name, id, "is empty; give an id, the same on every silo and client"));
            }
        }

        foreach (var (name, port) in new[] { ("--silo-port", siloPort), ("--gateway-port", gatewayPort) })
        {
            // A second silo on a port in use would declare the running one dead and take its place.
            if (port is >= 1 and <= 65535 && LocalPorts.IsInUse(IPAddress.Any, port))
            {
                problems.Add(new InputProblem(
                    null, null, name, port.ToString(CultureInfo.InvariantCulture), "is in use on this machine; choose a free port"));
            }
        }

        IPAddress? address = null;
        if (advertise != "auto" && !IPAddress.TryParse(advertise, out address))
        {
            problems.Add(new InputProblem(null, null, "--advertise", advertise, "give an IP address or auto"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return new SiloSettings(connectionString!, siloPort, gatewayPort, address, clusterId, serviceId);
    }
}
