namespace Tokencast.Core.Scenarios;

/// <summary>Part of the prompt that prompt caching covers.</summary>
public enum CachePrefix
{
    /// <summary>The system prompt and tool definitions.</summary>
    SystemAndTools,

    /// <summary>The system prompt, tool definitions and the conversation history before this call.</summary>
    SystemToolsAndHistory,

    /// <summary>
    /// A share of every call's whole prompt, read from an automatic prefix cache without a write premium,
    /// as calibrated from a log with prefix block hashes.
    /// </summary>
    PromptShare,
}
