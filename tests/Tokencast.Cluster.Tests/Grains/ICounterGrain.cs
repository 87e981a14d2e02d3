namespace Tokencast.Cluster.Tests.Grains;

/// <summary>A counter whose value is stored with the ADO.NET grain storage.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, writes the state and returns the new value.</summary>
    Task<int> Increment();

    /// <summary>Returns the value read when the grain was activated, plus later increments.</summary>
    Task<int> GetValue();

    /// <summary>Returns the address of the silo that hosts this activation.</summary>
    Task<string> GetSiloAddress();
}
