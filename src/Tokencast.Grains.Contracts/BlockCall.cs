namespace Tokencast.Grains;

/// <summary>How long the calls that simulate or summarise a block of trials may take.</summary>
/// <remarks>
/// Orleans fails a call after 30 s by default. A block of a large scenario can take longer, and a run
/// that took the timeout for a lost block would start the same block again while the first attempt
/// still runs, doubling the work and the memory. A lost silo still fails these calls at once, when the
/// cluster declares it dead, so the long timeout does not slow recovery.
/// </remarks>
public static class BlockCall
{
    /// <summary>Time allowed for one block call, as Orleans' <c>ResponseTimeout</c> reads it.</summary>
    public const string Timeout = "00:15:00";
}
