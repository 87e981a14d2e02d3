namespace Tokencast.Core.Scenarios;

/// <summary>Provider service tier a feature's calls are sent with.</summary>
public enum ServiceTier
{
    /// <summary>Regular synchronous calls at list price.</summary>
    Standard,

    /// <summary>Asynchronous batch calls at the batch price.</summary>
    Batch,

    /// <summary>Lower-priority calls with possibly higher latency.</summary>
    Flex,

    /// <summary>Priority calls at a premium.</summary>
    Priority,
}
