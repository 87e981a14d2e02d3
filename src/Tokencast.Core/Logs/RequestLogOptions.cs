using Tokencast.Core.Usage;

namespace Tokencast.Core.Logs;

/// <summary>How to read a request log when its columns do not say enough.</summary>
public sealed record RequestLogOptions
{
    /// <summary>Usage convention to use instead of detecting it from the columns.</summary>
    public UsageConvention? Convention { get; init; }

    /// <summary>Format to use instead of detecting it from the extension and content.</summary>
    public LogFormat? Format { get; init; }

    /// <summary>Column to read for a field, taking precedence over the known column names.</summary>
    public IReadOnlyDictionary<LogField, string> ColumnMap { get; init; } = new Dictionary<LogField, string>();

    /// <summary>
    /// Lines of data rows to leave out, such as rows already set aside as invalid. A CSV row is
    /// named by the line it starts on. The header row cannot be left out.
    /// </summary>
    public IReadOnlySet<long> SkippedLines { get; init; } = new HashSet<long>();
}
