using Tokencast.Core;
using Tokencast.Host.Security;

namespace Tokencast.Host.Tests;

public sealed class KeyFileTests
{
    private const string Long = "0123456789abcdef";

    [Fact]
    public void Parse_TwoKeys_ReadsRolesAndNames()
    {
        var keys = KeyFile.Parse("keys.txt", ["# who may do what", "", $"viewer finance {Long}-f", $"planner alice {Long}-a"]);

        Assert.Equal([new ApiKey("finance", Long + "-f", ApiRole.Viewer), new ApiKey("alice", Long + "-a", ApiRole.Planner)], keys);
    }

    [Theory]
    [InlineData("admin bob 0123456789abcdef", "keys.txt:1: role: is not a role; use viewer or planner (value: admin)")]
    [InlineData("viewer bob short", "keys.txt:1: key: the key of bob is 5 characters long; a key needs at least 16")]
    [InlineData("viewer 0123456789abcdef", "keys.txt:1: has 2 fields; write ROLE NAME KEY, for example: viewer finance 6f1c...(at least 16 characters)")]
    public void Parse_BadLine_NamesFileLineAndValue(string line, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => KeyFile.Parse("keys.txt", [line]));

        Assert.Equal(expected, Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void Parse_SameKeyTwice_ReportsTheFirstLine()
    {
        var error = Assert.Throws<InvalidInputException>(() => KeyFile.Parse("keys.txt", [$"viewer a {Long}", $"planner b {Long}"]));

        Assert.Equal("keys.txt:2: key: is the same key as on line 1; keys must differ", Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void Parse_OnlyComments_SaysThereAreNoKeys()
    {
        var error = Assert.Throws<InvalidInputException>(() => KeyFile.Parse("keys.txt", ["# none yet"]));

        Assert.Contains("has no keys", Assert.Single(error.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Find_KnownSecret_ReturnsTheKeyWithoutItsSecret()
    {
        var store = new ApiKeyStore([new ApiKey("alice", Long, ApiRole.Planner)]);

        var found = store.Find(Long);

        Assert.Equal(new ApiKey("alice", "", ApiRole.Planner), found);
    }

    [Fact]
    public void Find_UnknownSecret_ReturnsNull()
    {
        var store = new ApiKeyStore([new ApiKey("alice", Long, ApiRole.Planner)]);

        Assert.Null(store.Find(Long + "x"));
    }

    [Fact]
    public void GeneratePlanner_TwoCalls_GiveDifferentLongKeys()
    {
        var (first, second) = (ApiKey.GeneratePlanner(), ApiKey.GeneratePlanner());

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.Equal(43, first.Secret.Length);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080;http://[::1]:5081", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.4:5080", false)]
    public void IsLoopbackOnly_Urls_TellsWhetherOnlyThisMachineCanConnect(string urls, bool expected) =>
        Assert.Equal(expected, WebHost.IsLoopbackOnly(urls));
}
