using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Tokencast.Core;
using Tokencast.Host;

namespace Tokencast.Cli.Commands;

/// <summary>
/// Checks the addresses of <c>serve --urls</c> before the host starts, so that each mistake gets one line
/// instead of Kestrel's exception during start.
/// </summary>
internal static class ListenAddresses
{
    private const string Option = "--urls";

    /// <summary>
    /// Returns a problem for each address that is not an absolute http URL with a port from 0 to 65535 (hosts
    /// <c>*</c>, <c>+</c>, <c>localhost</c>, IP addresses and names), has a path, or has a port that another
    /// process listens on. An https URL is rejected because the host is built without HTTPS.
    /// </summary>
    public static IEnumerable<InputProblem> Check(string urls)
    {
        if (string.IsNullOrWhiteSpace(urls))
        {
            yield return new InputProblem(null, null, Option, urls, $"is empty; give an address such as {WebHost.DefaultUrl}");
            yield break;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Check(url, out var address) is { } message)
            {
                yield return new InputProblem(null, null, Option, url, message);
            }
            else if (address is { Port: > 0 } && ListenIps(address.Host).Any(ip => LocalPorts.IsInUse(ip, address.Port)))
            {
                yield return new InputProblem(null, null, Option, url,
                    string.Create(CultureInfo.InvariantCulture, $"port {address.Port} is in use on this machine; choose a free port"));
            }
        }
    }

    private static string? Check(string url, out BindingAddress? address)
    {
        address = null;
        var expected = $"give an absolute http URL with a port from 0 to 65535, such as {WebHost.DefaultUrl}";
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return $"is not an address; {expected}";
        }

        if (address.Scheme == "https")
        {
            return "the host serves plain HTTP only; give an http URL and put a TLS proxy in front of it for HTTPS";
        }

        if (address.Scheme != "http")
        {
            return $"the scheme must be http; {expected}";
        }

        if (address.IsUnixPipe)
        {
            return null;
        }

        if (address.Port is < 0 or > 65535 || !IsHost(address.Host))
        {
            return $"has no valid host and port; {expected}";
        }

        return address.PathBase.Length > 0 ? $"has a path; the host serves from the root, so {expected}" : null;
    }

    /// <summary>Returns whether Kestrel can listen on <paramref name="host"/>: <c>*</c>, <c>+</c>, an IP address or a name.</summary>
    private static bool IsHost(string host) =>
        host is "*" or "+" || Uri.CheckHostName(host.Trim('[', ']')) != UriHostNameType.Unknown;

    /// <summary>Returns the addresses Kestrel binds for a host: the IP itself, both loopbacks, or every interface.</summary>
    private static IPAddress[] ListenIps(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? [ip]
        : string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
        : [IPAddress.Any];
}
