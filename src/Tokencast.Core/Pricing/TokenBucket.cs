namespace Tokencast.Core.Pricing;

/// <summary>
/// A disjoint kind of token in one call. Every token of a call falls in exactly one bucket, so the
/// cost of a call is the sum over buckets of tokens times that bucket's price.
/// </summary>
public enum TokenBucket
{
    /// <summary>Text input tokens that were neither read from nor written to a prompt cache.</summary>
    UncachedInput,

    /// <summary>Input tokens served from a prompt cache.</summary>
    CacheRead,

    /// <summary>Input tokens written to a prompt cache that lives 5 minutes.</summary>
    CacheWrite5Minutes,

    /// <summary>Input tokens written to a prompt cache that lives 1 hour.</summary>
    CacheWrite1Hour,

    /// <summary>Visible text output tokens, excluding reasoning tokens.</summary>
    Output,

    /// <summary>Reasoning (thinking) output tokens.</summary>
    ReasoningOutput,

    /// <summary>Audio input tokens.</summary>
    AudioInput,

    /// <summary>Audio output tokens.</summary>
    AudioOutput,

    /// <summary>Image input tokens.</summary>
    ImageInput,

    /// <summary>Image output tokens.</summary>
    ImageOutput,
}
