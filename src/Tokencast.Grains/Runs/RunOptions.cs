namespace Tokencast.Grains.Runs;

/// <summary>How runs spread their work; none of it changes a run's output.</summary>
public sealed class RunOptions
{
    /// <summary>Lanes (blocks in flight) per active silo.</summary>
    public int LanesPerSilo { get; set; } = 2;

    /// <summary>Times one block may fail (a lost silo, a timeout) before the run fails.</summary>
    public int MaxAttemptsPerBlock { get; set; } = 5;

    /// <summary>How often partial bands are taken while the run goes on.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
}
