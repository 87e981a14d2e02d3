namespace Tokencast.Grains;

/// <summary>Where a run is.</summary>
[GenerateSerializer, Alias("tokencast.run-state.v1")]
public enum RunState
{
    /// <summary>Blocks of trials are being simulated.</summary>
    Running,

    /// <summary>Every trial is done and the bands are stored.</summary>
    Completed,

    /// <summary>The scenario was invalid or the run failed; see the problems or the error.</summary>
    Failed,

    /// <summary>Stopped on request before the end.</summary>
    Cancelled,
}
