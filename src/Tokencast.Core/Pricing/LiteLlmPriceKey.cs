namespace Tokencast.Core.Pricing;

/// <summary>A LiteLLM catalog key parsed by <see cref="LiteLlmKeyGrammar"/>.</summary>
/// <param name="Kind">Classification of the key.</param>
/// <param name="Bucket">Token bucket for a <see cref="LiteLlmKeyKind.TokenPrice"/>, otherwise null.</param>
/// <param name="AbovePromptTokens">Long-context threshold from an <c>_above_Nk_tokens</c> suffix, or 0.</param>
/// <param name="ServiceTier">Service tier from a <c>_batches</c>, <c>_flex</c> or <c>_priority</c>
/// suffix.</param>
/// <param name="IsAlternateSpelling">True for a key that repeats a price under another name
/// (<c>input_cost_per_token_cache_hit</c> for the cache-read price).</param>
public sealed record LiteLlmPriceKey(
    LiteLlmKeyKind Kind,
    TokenBucket? Bucket,
    long AbovePromptTokens,
    ServiceTier ServiceTier,
    bool IsAlternateSpelling = false);
