using Tokencast.Core.Usage;

namespace Tokencast.Core.Logs;

/// <summary>A request log as read: its rows in input order and how its columns were understood.</summary>
/// <param name="SourceFile">Path of the log file.</param>
/// <param name="Format">File format.</param>
/// <param name="Convention">Usage convention of the token columns, or null when no row has usage.</param>
/// <param name="Columns">Column names in input order.</param>
/// <param name="ColumnFields">Which column was read for each field.</param>
/// <param name="Records">Rows in input order.</param>
public sealed record RequestLog(
    string SourceFile,
    LogFormat Format,
    UsageConvention? Convention,
    IReadOnlyList<string> Columns,
    IReadOnlyDictionary<LogField, string> ColumnFields,
    IReadOnlyList<RequestRecord> Records);
