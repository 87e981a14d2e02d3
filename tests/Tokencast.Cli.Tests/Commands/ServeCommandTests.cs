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

    [Fact]
    public void Options_ZeroRuns_ReportsTheOption()
    {
        var error = Assert.Throws<InvalidInputException>(() => Options(keys: null, limits: new HostLimits(MaxConcurrentRuns: 0)));

        Assert.Equal("--max-runs: must be 1 or more (value: 0)", Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void Options_ClusterIdWithoutCluster_IsRefused()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => ServeCommand.Options(WebHost.DefaultUrl, null, null, "other", "tokencast", new HostLimits(), null));

        Assert.Equal("--cluster-id: names the cluster to join; give --cluster too (value: other)", Assert.Single(error.Problems).ToString());
    }

    private static WebHostOptions Options(FileInfo? keys, HostLimits? limits = null) =>
        ServeCommand.Options(WebHost.DefaultUrl, keys, null, "tokencast", "tokencast", limits ?? new HostLimits(), null);
}
