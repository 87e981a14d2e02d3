using System.Collections.Immutable;
using Orleans.Configuration;
using Orleans.TestingHost;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Reforecasting;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.Tests;

/// <summary>In-process test clusters and run definitions of the bundled example.</summary>
internal static class TestClusters
{
    public static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "examples", "assistant-platform.yaml");

    /// <summary>
    /// Starts <paramref name="silos"/> silos in this process with in-memory storage; scheduled reforecasts use
    /// the folders <paramref name="reforecastFolders"/> sets.
    /// </summary>
    public static async Task<InProcessTestCluster> StartAsync(
        int silos, Action<ReforecastFolders>? reforecastFolders = null)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => silo
            .Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
            })
            .UseTokencastMemoryStorage()
            .AddTokencastGrains(options => options.ProgressInterval = TimeSpan.Zero)
            .AddTokencastReforecast(reforecastFolders ?? (_ => { })));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Returns a definition of the bundled example.</summary>
    public static RunDefinition Example(int trials, int blockSize, ulong seed = 7) =>
        new(ScenarioInputs.Capture(ExamplePath).Input, ImmutableArray<string>.Empty, trials, seed, RunMode.Aggregated, 0.01, blockSize);
}
