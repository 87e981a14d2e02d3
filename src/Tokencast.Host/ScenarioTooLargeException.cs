namespace Tokencast.Host;

/// <summary>A scenario's text is larger than the host accepts.</summary>
/// <param name="bytes">Size of the text in UTF-8 bytes.</param>
/// <param name="limit">Largest size accepted.</param>
/// <param name="path">Path of the text in the request body, for the message.</param>
public sealed class ScenarioTooLargeException(int bytes, int limit, string path = "scenario.text")
    : Exception($"{path}: is {bytes:N0} bytes; this host accepts scenarios up to {limit:N0} bytes")
{
    /// <summary>Size of the text in UTF-8 bytes.</summary>
    public int Bytes { get; } = bytes;

    /// <summary>Largest size accepted.</summary>
    public int Limit { get; } = limit;
}
