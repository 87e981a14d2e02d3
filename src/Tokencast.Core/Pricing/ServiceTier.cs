namespace Tokencast.Core.Pricing;

/// <summary>The processing tier a call was served in; each tier has its own token prices.</summary>
public enum ServiceTier
{
    /// <summary>The default, synchronous tier.</summary>
    Standard,

    /// <summary>The asynchronous batch API, usually at a discount.</summary>
    Batch,

    /// <summary>Slower, interruptible processing at a discount.</summary>
    Flex,

    /// <summary>Faster processing at a premium.</summary>
    Priority,
}
