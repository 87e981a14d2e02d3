namespace Tokencast.Core.Logs;

/// <summary>Whether a log row was priced, and if not, why.</summary>
public enum CostStatus
{
    /// <summary>The row was priced.</summary>
    Priced,

    /// <summary>The row has no usage, so its cost is unknown; it is never counted as free.</summary>
    NoUsage,

    /// <summary>Another row of the same response was kept in its place.</summary>
    Duplicate,
}
