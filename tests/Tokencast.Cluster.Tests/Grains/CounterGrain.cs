using Orleans.Runtime;
using Tokencast.Cluster.Tests.Hosting;

namespace Tokencast.Cluster.Tests.Grains;

/// <summary>A counter kept in the test storage <see cref="TestSilo.StorageName"/>.</summary>
public sealed class CounterGrain(
    [PersistentState("counter", TestSilo.StorageName)] IPersistentState<CounterState> state,
    ILocalSiloDetails siloDetails)
    : Grain, ICounterGrain
{
    /// <inheritdoc />
    public async Task<int> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    /// <inheritdoc />
    public Task<int> GetValue() => Task.FromResult(state.State.Value);

    /// <inheritdoc />
    public Task<string> GetSiloAddress() => Task.FromResult(siloDetails.SiloAddress.ToString());
}
