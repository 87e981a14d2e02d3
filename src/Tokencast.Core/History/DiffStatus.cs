namespace Tokencast.Core.History;

/// <summary>Whether an item of a version diff is in both versions or only in one.</summary>
public enum DiffStatus
{
    /// <summary>In the older and the newer version.</summary>
    InBoth,

    /// <summary>Only in the newer version.</summary>
    Added,

    /// <summary>Only in the older version.</summary>
    Removed,
}
