using System.Net;
using System.Net.Sockets;

namespace Tokencast.Cluster.Tests.Postgres;

/// <summary>
/// Picks TCP ports on 127.0.0.1 that are free at the moment of the call.
/// </summary>
internal static class LoopbackPorts
{
    /// <summary>Returns a port that the operating system reported free.</summary>
    /// <remarks>
    /// NOTE: another process may take the port between this call and its use; the tests accept
    /// that small race instead of retrying.
    /// </remarks>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
