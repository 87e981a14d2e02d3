namespace Tokencast.Core.Pricing;

/// <summary>
/// Token counts of one call in disjoint buckets: no token is counted in two buckets.
/// </summary>
public readonly record struct UsageBuckets
{
    /// <summary>Text input tokens that were neither read from nor written to a prompt cache.</summary>
    public long UncachedInput { get; init; }

    /// <summary>Input tokens served from a prompt cache.</summary>
    public long CacheRead { get; init; }

    /// <summary>Input tokens written to a 5-minute prompt cache.</summary>
    public long CacheWrite5Minutes { get; init; }

    /// <summary>Input tokens written to a 1-hour prompt cache.</summary>
    public long CacheWrite1Hour { get; init; }

    /// <summary>Visible output tokens, excluding reasoning.</summary>
    public long Output { get; init; }

    /// <summary>Reasoning output tokens.</summary>
    public long ReasoningOutput { get; init; }

    /// <summary>Audio input tokens.</summary>
    public long AudioInput { get; init; }

    /// <summary>Audio output tokens.</summary>
    public long AudioOutput { get; init; }

    /// <summary>Image input tokens.</summary>
    public long ImageInput { get; init; }

    /// <summary>Image output tokens.</summary>
    public long ImageOutput { get; init; }

    /// <summary>
    /// Whole prompt size: uncached input, cache reads, both cache writes, audio and image input.
    /// Long-context price tiers are chosen from this number.
    /// </summary>
    public long PromptTokens =>
        UncachedInput + CacheRead + CacheWrite5Minutes + CacheWrite1Hour + AudioInput + ImageInput;

    /// <summary>All output: visible text, reasoning, audio and image output.</summary>
    public long OutputTokens => Output + ReasoningOutput + AudioOutput + ImageOutput;

    /// <summary>Prompt and output tokens together.</summary>
    public long TotalTokens => PromptTokens + OutputTokens;

    /// <summary>Gets the token count of one bucket.</summary>
    public long this[TokenBucket bucket] => bucket switch
    {
        TokenBucket.UncachedInput => UncachedInput,
        TokenBucket.CacheRead => CacheRead,
        TokenBucket.CacheWrite5Minutes => CacheWrite5Minutes,
        TokenBucket.CacheWrite1Hour => CacheWrite1Hour,
        TokenBucket.Output => Output,
        TokenBucket.ReasoningOutput => ReasoningOutput,
        TokenBucket.AudioInput => AudioInput,
        TokenBucket.AudioOutput => AudioOutput,
        TokenBucket.ImageInput => ImageInput,
        TokenBucket.ImageOutput => ImageOutput,
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Unknown token bucket."),
    };
}
