namespace Tokencast.Grains.Runs;

/// <summary>How runs spread their work; none of it changes a run's output.</summary>
public sealed class RunOptions
{
    /// <summary>Lanes (blocks in flight) per active silo.</summary>
    public int LanesPerSilo { get; set; } = 2;

    /// <summary>
    /// Times one block may fail (a lost silo, a timeout) before the run fails. The waits between attempts
    /// grow from 1 to 8 s, so the default gives a lost silo about 40 s to be declared dead.
    /// </summary>
    public int MaxAttemptsPerBlock { get; set; } = 8;

    /// <summary>How often partial bands are taken while the run goes on.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
}
