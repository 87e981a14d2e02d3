using System.Net;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.Hosting;

/// <summary>Where a cluster silo listens and which cluster it joins.</summary>
/// <param name="ConnectionString">PostgreSQL connection string (membership, grain state, reminders).</param>
/// <param name="SiloPort">Port for other silos.</param>
/// <param name="GatewayPort">Port for clients.</param>
/// <param name="AdvertisedAddress">Address other silos and clients reach this one at; null for the host's
/// first IPv4 address that is not loopback, as in a container.</param>
/// <param name="ClusterId">Cluster id; silos with the same id form one cluster.</param>
/// <param name="ServiceId">Service id; it keys grain state and reminders, so keep it across deployments.</param>
public sealed record SiloSettings(
    string ConnectionString,
    int SiloPort = 11111,
    int GatewayPort = 30000,
    IPAddress? AdvertisedAddress = null,
    string ClusterId = ClusterNames.DefaultClusterId,
    string ServiceId = ClusterNames.DefaultServiceId);
