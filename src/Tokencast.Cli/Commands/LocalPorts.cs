using System.Net;
using System.Net.Sockets;

namespace Tokencast.Cli.Commands;

/// <summary>Checks TCP ports on this machine before a command listens on them.</summary>
internal static class LocalPorts
{
    /// <summary>
    /// Returns whether another socket listens on <paramref name="port"/> at <paramref name="address"/>, found
    /// by binding it for a moment. Other failures to bind (no IPv6, a port below 1024 without the right)
    /// return false and are left for the real listener to report.
    /// </summary>
    public static bool IsInUse(IPAddress address, int port)
    {
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
