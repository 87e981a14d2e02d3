namespace Tokencast.Core.Scenarios;

/// <summary>Lifetime of a prompt cache entry, which sets the cache write price.</summary>
public enum CacheWriteTtl
{
    /// <summary>Five minutes.</summary>
    FiveMinutes,

    /// <summary>One hour.</summary>
    OneHour,
}
