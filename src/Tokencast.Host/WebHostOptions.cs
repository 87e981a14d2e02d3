using Microsoft.Extensions.Logging;
using Tokencast.Host.Security;

namespace Tokencast.Host;

/// <summary>How to build the web host.</summary>
public sealed class WebHostOptions
{
    /// <summary>Addresses to listen on, separated by ';'. Loopback only unless set otherwise.</summary>
    public string Urls { get; init; } = WebHost.DefaultUrl;

    /// <summary>Keys the host accepts. Empty is refused: the serve command generates one.</summary>
    public IReadOnlyList<ApiKey> Keys { get; init; } = [];

    /// <summary>Limits on scenario size, trials and concurrent runs.</summary>
    public HostLimits Limits { get; init; } = new();

    /// <summary>Folder of the scenarios offered by name; null for the examples shipped with the host.</summary>
    public string? ExamplesFolder { get; init; }

    /// <summary>
    /// PostgreSQL connection string of a running cluster to join as a client; null to run an embedded silo
    /// that keeps everything in memory.
    /// </summary>
    public string? ClusterConnection { get; init; }

    /// <summary>Cluster id when joining a cluster.</summary>
    public string ClusterId { get; init; } = Grains.Runs.ClusterNames.DefaultClusterId;

    /// <summary>Service id when joining a cluster.</summary>
    public string ServiceId { get; init; } = Grains.Runs.ClusterNames.DefaultServiceId;

    /// <summary>Folder of the actuals store read by <c>/api/actuals</c>; null for the default under the current directory.</summary>
    public string? ActualsFolder { get; init; }

    /// <summary>Folder of the forecast history read by <c>/api/forecasts</c>; null for the default under the current directory.</summary>
    public string? HistoryFolder { get; init; }

    /// <summary>Shortest time between two updates of one run on the live feed.</summary>
    public TimeSpan FeedInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Changes how the embedded silo runs forecasts (how often partial bands refresh, say); null for the defaults.</summary>
    public Action<Grains.Runs.RunOptions>? ConfigureRuns { get; init; }

    /// <summary>Adds log providers; none when null.</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }
}
