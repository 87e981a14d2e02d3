namespace Tokencast.Cluster.Tests.Grains;

/// <summary>The persisted state of a <see cref="CounterGrain"/>.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    /// <summary>The number of increments so far.</summary>
    [Id(0)]
    public int Value { get; set; }
}
