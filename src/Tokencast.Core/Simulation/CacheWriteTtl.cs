namespace Tokencast.Core.Simulation;

/// <summary>How long a prompt-cache write lives, which sets its price.</summary>
public enum CacheWriteTtl
{
    /// <summary>The standard 5-minute cache write.</summary>
    FiveMinutes,

    /// <summary>The extended 1-hour cache write, priced higher.</summary>
    OneHour,
}
