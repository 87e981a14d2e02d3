namespace Tokencast.Core.Simulation;

/// <summary>Which part of a call's prompt prompt caching covers.</summary>
public enum PromptCacheScope
{
    /// <summary>The system prompt and tool definitions, read or written as one prefix.</summary>
    SystemAndTools,

    /// <summary>The system prompt, tool definitions and the context the previous call already sent.</summary>
    SystemToolsAndHistory,

    /// <summary>
    /// A fixed share (the hit rate) of every call's whole prompt is read from an automatic prefix cache;
    /// nothing is billed as a cache write.
    /// </summary>
    PromptShare,
}
