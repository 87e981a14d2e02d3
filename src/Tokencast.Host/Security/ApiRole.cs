namespace Tokencast.Host.Security;

/// <summary>What a key may do.</summary>
public enum ApiRole
{
    /// <summary>Lists runs, reads their bands and watches them.</summary>
    Viewer,

    /// <summary>Also validates scenarios, starts and cancels runs, and sets, removes and runs schedules.</summary>
    Planner,
}
