using Tokencast.Core.Forecasting;

namespace Tokencast.Grains;

/// <summary>
/// A forecast run, keyed by <see cref="RunDefinition.ForecastId"/>. It splits the trials into blocks, hands
/// them to lanes, recomputes any block lost with a silo, and stores the final bands with their inputs.
/// </summary>
[Alias("tokencast.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the run, or resumes it after a silo failure, and returns its status. Starting a run that has
    /// finished returns its stored status; a definition with another forecast id is rejected.
    /// </summary>
    [Alias("Start")]
    Task<RunStatus> Start(RunDefinition definition);

    /// <summary>Returns the current status.</summary>
    [Alias("GetStatus")]
    Task<RunStatus> GetStatus();

    /// <summary>
    /// Returns the status once its version is above <paramref name="afterVersion"/>, or the current status
    /// when <paramref name="wait"/> passes first.
    /// </summary>
    [Alias("WaitForChange")]
    Task<RunStatus> WaitForChange(long afterVersion, TimeSpan wait);

    /// <summary>Returns the forecast of a completed run, or null before.</summary>
    [Alias("GetResult")]
    Task<ForecastResult?> GetResult();

    /// <summary>Returns the definition the run was started with, or null for an unknown run.</summary>
    [Alias("GetDefinition")]
    Task<RunDefinition?> GetDefinition();

    /// <summary>
    /// Stops a running run; its partial samples are dropped. Returns once the run has stopped, or after a
    /// few seconds with the run still running when its blocks in flight take longer; it stops after them.
    /// </summary>
    [Alias("Cancel")]
    Task<RunStatus> Cancel();
}
