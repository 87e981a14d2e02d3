using Tokencast.Cli.Commands;
using Tokencast.Core;

namespace Tokencast.Cli.Tests.Commands;

public class SiloCommandTests
{
    private const string Connection = "Host=127.0.0.1;Port=5432;Username=tokencast;Database=tokencast";

    [Theory]
    [InlineData(null, 11111, 30000, "127.0.0.1", "--postgres: give a PostgreSQL connection string with --postgres or in TOKENCAST_POSTGRES")]
    [InlineData("Host=x;Bogus Key=1", 11111, 30000, "127.0.0.1", "--postgres: is not a valid connection string")]
    [InlineData(Connection, 0, 30000, "127.0.0.1", "--silo-port: ports are between 1 and 65535 (value: 0)")]
    [InlineData(Connection, 11111, 70000, "127.0.0.1", "--gateway-port: ports are between 1 and 65535 (value: 70000)")]
    [InlineData(Connection, 11111, 11111, "127.0.0.1", "--gateway-port: must differ from --silo-port (value: 11111)")]
    [InlineData(Connection, 11111, 30000, "localhost", "--advertise: give an IP address or auto (value: localhost)")]
    public void Settings_BadOption_ReportsIt(string? connection, int siloPort, int gatewayPort, string advertise, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(
            () => SiloCommand.Settings(connection, siloPort, gatewayPort, advertise, "tokencast", "tokencast"));

        Assert.Contains(error.Problems, problem => problem.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_EmptyClusterId_ReportsIt()
    {
        var error = Assert.Throws<InvalidInputException>(() => SiloCommand.Settings(Connection, 11111, 30000, "127.0.0.1", " ", "service"));

        Assert.Contains(error.Problems, problem => problem.ToString() == "--cluster-id: is empty; give an id, the same on every silo and client (value:  )");
    }

    [Fact]
    public void Settings_PortInUse_ReportsIt()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

        var error = Assert.Throws<InvalidInputException>(() => SiloCommand.Settings(Connection, port, 30000, "127.0.0.1", "c", "s"));

        Assert.Contains(error.Problems, problem => problem.ToString() == $"--silo-port: is in use on this machine; choose a free port (value: {port})");
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("auto", null)]
    public void Settings_GoodOptions_AdvertiseTheAddressGiven(string advertise, string? expected)
    {
        var settings = SiloCommand.Settings(Connection, FreePort(), FreePort(), advertise, "cluster", "service");

        Assert.Equal(expected, settings.AdvertisedAddress?.ToString());
        Assert.Equal(("cluster", "service"), (settings.ClusterId, settings.ServiceId));
    }

    /// <summary>Returns a port that nothing listens on, since the settings reject ports in use.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
