namespace Tokencast.Grains.Runs;

/// <summary>Names the silos and clients agree on.</summary>
public static class ClusterNames
{
    /// <summary>The grain storage provider that holds runs.</summary>
    public const string Storage = "tokencast";
}
