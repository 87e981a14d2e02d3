namespace Tokencast.Core.Usage;

/// <summary>How a provider counts tokens in its usage report.</summary>
public enum UsageConvention
{
    /// <summary>
    /// OpenAI style, also xAI and DeepSeek: input includes cache reads (and cache writes where
    /// reported), and output includes reasoning.
    /// </summary>
    OpenAi,

    /// <summary>
    /// Gemini style: the prompt count includes cached content, and thoughts are reported outside
    /// the candidates count but billed as output.
    /// </summary>
    Gemini,

    /// <summary>
    /// Anthropic style, also Bedrock Converse: input excludes both cache kinds, cache reads and
    /// writes come on top, writes are split by cache lifetime, and thinking is inside output.
    /// </summary>
    Anthropic,

    /// <summary>
    /// OpenTelemetry GenAI attributes: <c>gen_ai.usage.input_tokens</c> includes cache reads and
    /// writes, and <c>gen_ai.usage.output_tokens</c> includes reasoning.
    /// </summary>
    OpenTelemetry,
}
