namespace Tokencast.Core.Logs;

/// <summary>File format of a request log.</summary>
public enum LogFormat
{
    /// <summary>Comma-separated values with a header row, quoted as in RFC 4180.</summary>
    Csv,

    /// <summary>One JSON object per line; nested objects are flattened with dots.</summary>
    JsonLines,
}
