namespace Tokencast.Grains;

/// <summary>Constants of the <see cref="IRunIndexGrain">run index</see>.</summary>
public static class RunIndex
{
    /// <summary>The key of the one index grain of a service.</summary>
    public const string Key = "runs";

    /// <summary>Maximum entries the index keeps. Beyond it, the oldest finished runs go first.</summary>
    public const int MaxEntries = 1000;
}
