using System.Net;
using System.Net.Sockets;
using Tokencast.Cli.Commands;
using Tokencast.Core;
using Tokencast.Host;
using Tokencast.Host.Security;

namespace Tokencast.Cli.Tests.Commands;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-serve-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Options_NoKeyFile_GeneratesOnePlannerKey()
    {
        var options = Options(keys: null);

        var key = Assert.Single(options.Keys);
        Assert.Equal(ApiRole.Planner, key.Role);
        Assert.True(key.Secret.Length >= ApiKey.MinimumLength);
    }

    [Fact]
    public void Options_KeyFile_UsesItsKeys()
    {
        var file = Path.Combine(_folder, "keys.txt");
        File.WriteAllLines(file, ["viewer finance 0123456789abcdef-finance"]);

        var options = Options(new FileInfo(file));

        Assert.Equal([new ApiKey("finance", "0123456789abcdef-finance", ApiRole.Viewer)], options.Keys);
    }

    [Fact]
    public void Options_MissingKeyFile_NamesIt()
    {
        var file = Path.Combine(_folder, "none.txt");

        var error = Assert.Throws<InvalidInputException>(() => Options(new FileInfo(file)));

        Assert.Equal($"{file}: the key file does not exist", Assert.Single(error.Problems).ToString());
    }

    [Theory]
    [InlineData(1024, 200_000, 0, "--max-runs: must be from 1 to 2,147,483,647 (value: 0)")]
    [InlineData(1024, 0, 2, "--max-trials: must be from 1 to 2,147,483,647 (value: 0)")]
    [InlineData(1024, 99_999_999_999, 2, "--max-trials: must be from 1 to 2,147,483,647 (value: 99999999999)")]
    [InlineData(0, 200_000, 2, "--max-scenario-kib: must be from 1 to 16,384 KiB (value: 0)")]
    [InlineData(99_999_999, 200_000, 2, "--max-scenario-kib: must be from 1 to 16,384 KiB (value: 99999999)")]
    [InlineData(-1, 200_000, 2, "--max-scenario-kib: must be from 1 to 16,384 KiB (value: -1)")]
    [InlineData(1024, 200_000, 2, "--max-run-gib: must be from 1 to 1,024 GiB (value: 0)", 0)]
    [InlineData(1024, 200_000, 2, "--max-run-gib: must be from 1 to 1,024 GiB (value: 5000)", 5000)]
    public void Options_LimitOutOfRange_NamesTheRange(long scenarioKib, long trials, long runs, string expected, long runGib = 4)
    {
        var limits = new ServeCommand.LimitOptions(scenarioKib, trials, runs, runGib);

        var error = Assert.Throws<InvalidInputException>(() => Options(keys: null, limits: limits));

        Assert.Equal(expected, Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void Options_LargestScenarioLimit_IsInBytes()
    {
        var options = Options(keys: null, limits: new ServeCommand.LimitOptions(16_384, 200_000, 2));

        // 16,384 KiB * 1,024 bytes per KiB; the default 4 GiB per run * 2^30 bytes per GiB.
        Assert.Equal(16_777_216, options.Limits.MaxScenarioBytes);
        Assert.Equal(4_294_967_296, options.Limits.MaxRunBytes);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:0")]
    [InlineData("http://*:0")]
    [InlineData("http://+:0")]
    [InlineData("http://[::1]:0")]
    [InlineData("http://tokencast.example:0")]
    [InlineData("http://127.0.0.1:0;http://localhost:0")]
    public void Options_ValidUrls_AreAccepted(string urls)
    {
        var options = Options(keys: null, urls: urls);

        Assert.Equal(urls, options.Urls);
    }

    [Theory]
    [InlineData("notaurl", "--urls: is not an address;")]
    [InlineData("127.0.0.1:5080", "--urls: is not an address;")]
    [InlineData("http://127.0.0.1:99999", "--urls: has no valid host and port;")]
    [InlineData("http://127.0.0.1:-1", "--urls: has no valid host and port;")]
    [InlineData("http://127.0.0.1:port", "--urls: has no valid host and port;")]
    [InlineData("ftp://127.0.0.1:5183", "--urls: the scheme must be http;")]
    [InlineData("https://127.0.0.1:5183", "--urls: the host serves plain HTTP only;")]
    [InlineData("http://127.0.0.1:5080/app", "--urls: has a path;")]
    [InlineData(" ", "--urls: is empty; give an address such as http://127.0.0.1:5080")]
    public void Options_InvalidUrl_ReportsOneLine(string urls, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => Options(keys: null, urls: urls));

        var problem = Assert.Single(error.Problems).ToString();
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Options_InvalidUrl_NamesTheExpectedForm()
    {
        var error = Assert.Throws<InvalidInputException>(() => Options(keys: null, urls: "notaurl"));

        Assert.Equal(
            "--urls: is not an address; give an absolute http URL with a port from 0 to 65535, such as "
                + "http://127.0.0.1:5080 (value: notaurl)",
            Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void Options_PortInUse_ReportsIt()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var url = $"http://127.0.0.1:{port}";

        var error = Assert.Throws<InvalidInputException>(() => Options(keys: null, urls: url));

        Assert.Equal($"--urls: port {port} is in use on this machine; choose a free port (value: {url})", Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public async Task Serve_FailedStart_PrintsOneErrorLine()
    {
        // Options rejects https addresses, so the host is built from options made here to make its start fail.
        var options = new WebHostOptions { Urls = "https://127.0.0.1:0", Keys = [ApiKey.GeneratePlanner()] };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await ServeCommand.ServeAsync(options, new ServeCommand.StartupLogGate(), output, error, CancellationToken.None);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, code);
        Assert.StartsWith("error: the host did not start: ", Assert.Single(lines), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Options_ClusterIdWithoutCluster_IsRefused()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => ServeCommand.Options("http://127.0.0.1:0", null, null, "other", "tokencast", DefaultLimits, null));

        Assert.Equal("--cluster-id: names the cluster to join; give --cluster too (value: other)", Assert.Single(error.Problems).ToString());
    }

    private static readonly ServeCommand.LimitOptions DefaultLimits = new(1024, 200_000, 2);

    // The default address may be in use on a developer's machine, so the tests listen on a port the system picks.
    private static WebHostOptions Options(FileInfo? keys, ServeCommand.LimitOptions? limits = null, string urls = "http://127.0.0.1:0") =>
        ServeCommand.Options(urls, keys, null, "tokencast", "tokencast", limits ?? DefaultLimits, null);
}
