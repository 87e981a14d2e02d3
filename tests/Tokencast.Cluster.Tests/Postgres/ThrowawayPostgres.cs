using System.Globalization;
using Npgsql;

namespace Tokencast.Cluster.Tests.Postgres;

/// <summary>
/// A private PostgreSQL server in a temporary folder, listening on a free loopback port, made with
/// Debian's server binaries (<c>/usr/lib/postgresql/VERSION/bin</c>). Disposing stops it and deletes
/// the folder.
/// </summary>
/// <remarks>
/// NOTE: a test host that crashes never disposes the fixture, so its server keeps running. Stop it
/// with <c>pg_ctl stop -D /tmp/tokencast-pg-ID/data</c> (as the postgres user when tests ran as root).
/// </remarks>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string DebianBinaryRoot = "/usr/lib/postgresql";
    private const string SystemUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly bool _runAsSystemUser;

    private ThrowawayPostgres(string binDirectory, string rootDirectory, bool runAsSystemUser, int port)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _runAsSystemUser = runAsSystemUser;
        Port = port;
    }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>
    /// A connection string for the superuser <c>postgres</c>, who logs in without a password
    /// (trust authentication, loopback only).
    /// </summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SystemUser,
        Database = "postgres",
    }.ConnectionString;

    private string DataDirectory => Path.Combine(_rootDirectory, "data");

    /// <summary>Creates a database cluster in a new temporary folder and starts its server.</summary>
    /// <exception cref="InvalidOperationException">
    /// The server binaries are missing, or <c>initdb</c> or <c>pg_ctl</c> failed.
    /// </exception>
    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var binDirectory = FindBinDirectory();

        // initdb refuses to run as root, so a root process runs the server as the postgres user.
        var runAsSystemUser = Environment.UserName == "root";
        var rootDirectory = Path.Combine(Path.GetTempPath(), "tokencast-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(rootDirectory);

        var server = new ThrowawayPostgres(
            binDirectory, rootDirectory, runAsSystemUser, LoopbackPorts.FindFree());
        try
        {
            if (runAsSystemUser)
            {
                await RunCheckedAsync("chown", [$"{SystemUser}:", rootDirectory], asSystemUser: false);
            }

            await server.InitializeClusterAsync();
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server immediately and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            // Immediate mode skips the shutdown checkpoint, which is wasted work on data about to be deleted.
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
                ["stop", "-D", DataDirectory, "-m", "immediate", "-w"], _runAsSystemUser);
        }

        if (Directory.Exists(_rootDirectory))
        {
            Directory.Delete(_rootDirectory, recursive: true);
        }
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists(DebianBinaryRoot)
            ? Directory.GetDirectories(DebianBinaryRoot)
                .Where(directory => File.Exists(Path.Combine(directory, "bin", "initdb"))
                    && File.Exists(Path.Combine(directory, "bin", "pg_ctl")))
                .OrderByDescending(directory => MajorVersion(Path.GetFileName(directory)))
                .ToList()
            : [];
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL server binaries (initdb, pg_ctl) not found in {DebianBinaryRoot}/VERSION/bin. "
                + "Install the Debian package postgresql (apt-get install -y postgresql), or set "
                + $"{PostgresServer.ConnectionVariable} to the connection string of a server on which "
                + "the tests may create databases.");
        }

        return Path.Combine(candidates[0], "bin");
    }

    private static int MajorVersion(string folderName) =>
        int.TryParse(folderName, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;

    private Task InitializeClusterAsync() =>
        RunCheckedAsync(Path.Combine(_binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", SystemUser, "--auth=trust", "-E", "UTF8", "--no-sync"],
            _runAsSystemUser);

    private async Task StartServerAsync()
    {
        // Durability settings are off because the data only lives for one test run.
        var serverOptions = string.Join(' ',
            "-c listen_addresses=127.0.0.1",
            $"-c port={Port}",
            $"-c unix_socket_directories={_rootDirectory}",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=200");
        var logFile = Path.Combine(_rootDirectory, "server.log");
        var result = await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
            ["start", "-D", DataDirectory, "-l", logFile, "-w", "-t", "60", "-o", serverOptions],
            _runAsSystemUser);
        if (result.ExitCode != 0)
        {
            var log = File.Exists(logFile) ? await File.ReadAllTextAsync(logFile) : "(no server log)";
            throw new InvalidOperationException(
                $"pg_ctl start failed with exit code {result.ExitCode} on port {Port}: "
                + $"{result.StandardError}{Environment.NewLine}{log}");
        }
    }

    private static async Task RunCheckedAsync(
        string fileName, IReadOnlyList<string> arguments, bool asSystemUser)
    {
        var result = await RunAsync(fileName, arguments, asSystemUser);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} failed with exit code {result.ExitCode}: "
                + $"{result.StandardError}{result.StandardOutput}");
        }
    }

    private static Task<ProcessResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, bool asSystemUser)
    {
        if (!asSystemUser)
        {
            return ProcessRunner.RunAsync(fileName, arguments, CommandTimeout);
        }

        return ProcessRunner.RunAsync(
            "runuser", ["-u", SystemUser, "--", fileName, .. arguments], CommandTimeout);
    }
}
