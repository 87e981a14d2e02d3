using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace Tokencast.Cluster.Tests.Hosting;

/// <summary>
/// Creates the ADO.NET clustering provider's membership table and gateway list outside a silo, so
/// tests can call the provider's contract directly.
/// </summary>
internal static class ClusteringTables
{
    private static readonly ServiceProvider EmptyServices = new ServiceCollection().BuildServiceProvider();

    /// <summary>
    /// Creates and initializes the membership table of one cluster. With
    /// <paramref name="createVersionRow"/> it also creates the cluster's version row, as a silo does.
    /// </summary>
    public static async Task<AdoNetClusteringTable> OpenMembershipTableAsync(
        string connectionString, string clusterId = TestSilo.ClusterId, bool createVersionRow = true)
    {
        var table = new AdoNetClusteringTable(
            EmptyServices,
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = TestSilo.ServiceId }),
            Options.Create(new AdoNetClusteringSiloOptions
            {
                Invariant = TestSilo.Invariant,
                ConnectionString = connectionString,
            }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(createVersionRow);
        return table;
    }

    /// <summary>Creates and initializes the gateway list a client reads.</summary>
    public static async Task<AdoNetGatewayListProvider> OpenGatewayListAsync(string connectionString)
    {
        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            EmptyServices,
            Options.Create(new AdoNetClusteringClientOptions
            {
                Invariant = TestSilo.Invariant,
                ConnectionString = connectionString,
            }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions
            {
                ClusterId = TestSilo.ClusterId,
                ServiceId = TestSilo.ServiceId,
            }));
        await provider.InitializeGatewayListProvider();
        return provider;
    }
}
