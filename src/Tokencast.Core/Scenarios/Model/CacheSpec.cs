namespace Tokencast.Core.Scenarios;

/// <summary>Prompt caching of a feature.</summary>
/// <param name="Prefix">Part of the prompt that is cached.</param>
/// <param name="HitRate">Share of calls whose cacheable prefix is a cache read, in [0, 1].</param>
/// <param name="WriteTtl">Cache lifetime; a miss writes the prefix at this lifetime's price.</param>
/// <param name="Source">Location of the <c>cache</c> mapping.</param>
public sealed record CacheSpec(CachePrefix Prefix, double HitRate, CacheWriteTtl WriteTtl, SourceLocation Source);
