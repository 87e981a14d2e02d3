using Tokencast.Core.Pricing;

namespace Tokencast.Core.Tests.Pricing;

public class LiteLlmKeyGrammarTests
{
    [Theory]
    [InlineData("input_cost_per_token", TokenBucket.UncachedInput, 0, ServiceTier.Standard)]
    [InlineData("output_cost_per_token_batches", TokenBucket.Output, 0, ServiceTier.Batch)]
    [InlineData("cache_creation_input_token_cost", TokenBucket.CacheWrite5Minutes, 0, ServiceTier.Standard)]
    [InlineData("cache_creation_input_token_cost_above_1hr", TokenBucket.CacheWrite1Hour, 0, ServiceTier.Standard)]
    [InlineData("cache_creation_input_token_cost_above_1hr_above_200k_tokens", TokenBucket.CacheWrite1Hour,
        200_000, ServiceTier.Standard)]
    [InlineData("cache_read_input_token_cost_above_272k_tokens_priority", TokenBucket.CacheRead, 272_000,
        ServiceTier.Priority)]
    [InlineData("input_cost_per_token_above_200k_tokens_priority", TokenBucket.UncachedInput, 200_000,
        ServiceTier.Priority)]
    [InlineData("cache_read_input_token_cost_flex", TokenBucket.CacheRead, 0, ServiceTier.Flex)]
    [InlineData("input_cost_per_token_cache_hit", TokenBucket.CacheRead, 0, ServiceTier.Standard)]
    [InlineData("output_cost_per_reasoning_token", TokenBucket.ReasoningOutput, 0, ServiceTier.Standard)]
    [InlineData("input_cost_per_audio_token_priority", TokenBucket.AudioInput, 0, ServiceTier.Priority)]
    [InlineData("output_cost_per_image_token", TokenBucket.ImageOutput, 0, ServiceTier.Standard)]
    [InlineData("input_cost_per_token_above_128k_tokens", TokenBucket.UncachedInput, 128_000, ServiceTier.Standard)]
    public void Parse_TokenPriceKey_ReturnsBucketTierAndServiceTier(
        string key, TokenBucket bucket, long above, ServiceTier serviceTier)
    {
        var parsed = LiteLlmKeyGrammar.Parse(key);

        Assert.Equal(LiteLlmKeyKind.TokenPrice, parsed.Kind);
        Assert.Equal(bucket, parsed.Bucket);
        Assert.Equal(above, parsed.AbovePromptTokens);
        Assert.Equal(serviceTier, parsed.ServiceTier);
    }

    [Theory]
    [InlineData("input_cost_per_second")]
    [InlineData("input_cost_per_image")]
    [InlineData("input_cost_per_image_above_128k_tokens")]
    [InlineData("input_cost_per_pixel")]
    [InlineData("input_cost_per_character")]
    [InlineData("ocr_cost_per_page")]
    [InlineData("input_dbu_cost_per_token")]
    [InlineData("input_cost_per_video_per_second_above_8s_interval")]
    [InlineData("output_cost_per_second_1080p")]
    [InlineData("computer_use_input_cost_per_1k_tokens")]
    public void Parse_OtherUnit_NotTokenPrice(string key)
    {
        Assert.Equal(LiteLlmKeyKind.NotTokenPrice, LiteLlmKeyGrammar.Parse(key).Kind);
    }

    [Theory]
    [InlineData("citation_cost_per_token")]
    [InlineData("input_cost_per_token_batches_batches")]
    [InlineData("output_cost_per_token_above_1hr")]
    public void Parse_UnknownShape_Unknown(string key)
    {
        Assert.Equal(LiteLlmKeyKind.Unknown, LiteLlmKeyGrammar.Parse(key).Kind);
    }

    [Theory]
    [InlineData("cache_read_input_audio_token_cost")]
    [InlineData("output_cost_per_video_token")]
    public void Parse_TokenKindWithoutBucket_NoBucket(string key)
    {
        Assert.Equal(LiteLlmKeyKind.NoBucket, LiteLlmKeyGrammar.Parse(key).Kind);
    }

    [Theory]
    [InlineData(TokenBucket.CacheWrite1Hour, 200_000, ServiceTier.Standard,
        "cache_creation_input_token_cost_above_1hr_above_200k_tokens")]
    [InlineData(TokenBucket.Output, 0, ServiceTier.Batch, "output_cost_per_token_batches")]
    public void FormatKey_Bucket_RoundTripsThroughParse(
        TokenBucket bucket, long above, ServiceTier serviceTier, string expected)
    {
        var key = LiteLlmKeyGrammar.FormatKey(bucket, above, serviceTier);

        Assert.Equal(expected, key);
        Assert.Equal(bucket, LiteLlmKeyGrammar.Parse(key).Bucket);
    }
}
