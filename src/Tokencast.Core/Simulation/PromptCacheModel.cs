using System.Globalization;

namespace Tokencast.Core.Simulation;

/// <summary>
/// Prompt caching of a feature. The cacheable prefix is the system prompt and tool definitions, and with
/// <see cref="PromptCacheScope.SystemToolsAndHistory"/> also the context that the previous call of the task
/// already sent. On each call the prefix is a cache read with probability <see cref="HitRate"/>, otherwise it
/// is written at the price of <see cref="WriteTtl"/>. With <see cref="PromptCacheScope.PromptShare"/> the
/// hit rate is instead the share of every prompt read from an automatic cache, with no writes.
/// </summary>
public sealed record PromptCacheModel
{
    /// <summary>Creates the cache policy.</summary>
    public PromptCacheModel(
        double hitRate,
        CacheWriteTtl writeTtl = CacheWriteTtl.FiveMinutes,
        PromptCacheScope scope = PromptCacheScope.SystemAndTools)
    {
        if (!(hitRate >= 0 && hitRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(hitRate), hitRate, "A hit rate must lie in [0, 1].");
        }

        HitRate = hitRate;
        WriteTtl = writeTtl;
        Scope = scope;
    }

    /// <summary>Share of calls whose cacheable prefix is read from the cache.</summary>
    public double HitRate { get; }

    /// <summary>The lifetime, and so the price, of cache writes on a miss.</summary>
    public CacheWriteTtl WriteTtl { get; }

    /// <summary>Which part of the prompt the cache covers.</summary>
    public PromptCacheScope Scope { get; }

    /// <summary>
    /// Returns the hit rate above which caching a prefix costs less than sending it uncached: the saving
    /// h(input - read) must exceed the write premium (1 - h)(write - input), so
    /// h* = (write - input) / ((write - input) + (input - read)).
    /// </summary>
    public static double BreakEvenHitRate(double inputPrice, double cacheReadPrice, double cacheWritePrice)
    {
        var premium = cacheWritePrice - inputPrice;
        var saving = inputPrice - cacheReadPrice;
        if (premium <= 0)
        {
            return 0;
        }

        return saving <= 0 ? 1 : premium / (premium + saving);
    }

    /// <summary>A canonical text used to key random streams.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"cache={HitRate:R},{WriteTtl},{Scope}");
}
