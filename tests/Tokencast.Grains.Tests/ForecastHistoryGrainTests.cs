using System.Collections.Immutable;
using Orleans.TestingHost;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Tests;

/// <summary>The forecast history grain on one shared silo; each test uses a forecast name of its own.</summary>
public class ForecastHistoryGrainTests(ForecastHistoryGrainTests.SiloFixture silo)
    : IClassFixture<ForecastHistoryGrainTests.SiloFixture>
{
    [Fact]
    public async Task Add_SameDraftTwice_StoresOneVersion()
    {
        var grain = silo.Cluster.Client.GetGrain<IForecastHistoryGrain>("twice");

        var first = await grain.Add(Draft("twice", seed: 1));
        var second = await grain.Add(Draft("twice", seed: 1));

        Assert.True(first.Added);
        Assert.False(second.Added);
        Assert.Equal(1, second.Version.Number);
        Assert.Single(await grain.List());
    }

    [Fact]
    public async Task Add_OtherInputs_NumbersNextVersion()
    {
        var grain = silo.Cluster.Client.GetGrain<IForecastHistoryGrain>("numbered");

        await grain.Add(Draft("numbered", seed: 1));
        var second = await grain.Add(Draft("numbered", seed: 2) with { CutOff = new DateOnly(2027, 1, 31) });

        Assert.Equal(2, second.Version.Number);
        Assert.Equal(new DateOnly(2027, 1, 31), (await grain.Latest())!.CutOff);
        Assert.Null(await grain.GetVersion(3));
    }

    [Fact]
    public async Task GetVersion_Stored_KeepsBandsJsonBytes()
    {
        var grain = silo.Cluster.Client.GetGrain<IForecastHistoryGrain>("bytes");
        var draft = Draft("bytes", seed: 1);

        await grain.Add(draft);
        var stored = (await grain.GetVersion(1))!;

        Assert.Equal(draft.BandsJson.ToArray(), stored.BandsJson.ToArray());
        Assert.Equal(draft.Inputs.ComputeHash(), stored.Inputs.ComputeHash());
        Assert.Equal(["import-1"], stored.ImportIds);
    }

    [Fact]
    public async Task Add_DraftOfOtherName_IsRejected()
    {
        var grain = silo.Cluster.Client.GetGrain<IForecastHistoryGrain>("mine");

        await Assert.ThrowsAsync<ArgumentException>(() => grain.Add(Draft("theirs", seed: 1)));
        Assert.Empty(await grain.List());
    }

    /// <summary>Builds a one-month draft whose only input file is a one-line scenario.</summary>
    internal static ForecastVersionDraft Draft(string name, ulong seed)
    {
        var january = new DateOnly(2027, 1, 1);
        var band = new Band(1, 2, 3, 4, 5, 3, new BandErrors(0, 0, 0, 0, 0, 0));
        var total = new SeriesBands("total", [new MonthBand(january, band)], band);
        var result = new ForecastResult(name, january, 1, 10, seed,
            [new BranchForecast("baseline", "", Array.Empty<BranchAssumption>(), total, [], [], [], [], [], [])]);
        var bundle = new ScenarioBundle(
            "/plans/p.yaml", ImmutableDictionary<string, string>.Empty.Add("/plans/p.yaml", "name: p\n"), null);
        return ForecastVersionDraft.Create(name, null, new VersionInputs(bundle, [], 10, seed), ["import-1"], "", result);
    }

    /// <summary>One silo with in-memory storage, shared by the tests of this class.</summary>
    public sealed class SiloFixture : IAsyncLifetime
    {
        public InProcessTestCluster Cluster { get; private set; } = null!;

        public async Task InitializeAsync() => Cluster = await TestClusters.StartAsync(1);

        public async Task DisposeAsync() => await Cluster.DisposeAsync();
    }
}
