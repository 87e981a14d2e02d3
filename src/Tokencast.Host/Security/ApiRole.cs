namespace Tokencast.Host.Security;

/// <summary>What a key may do.</summary>
public enum ApiRole
{
    /// <summary>Lists runs, reads their bands and watches them.</summary>
    Viewer,

    /// <summary>Also validates scenarios, starts runs and cancels them.</summary>
    Planner,
}
