namespace Tokencast.Core.Pricing;

/// <summary>How a LiteLLM catalog key was classified.</summary>
public enum LiteLlmKeyKind
{
    /// <summary>A USD-per-token price of one bucket.</summary>
    TokenPrice,

    /// <summary>A well-formed per-token price of a token kind without a bucket (cached audio, video).</summary>
    NoBucket,

    /// <summary>A price in another unit (per second, image, pixel, character, page, DBU, ...).</summary>
    NotTokenPrice,

    /// <summary>A price-like key whose shape the grammar does not know.</summary>
    Unknown,
}
