namespace Tokencast.Core.Calibration;

/// <summary>
/// One request from a usage log, reduced to what calibration needs.
/// </summary>
/// <param name="Feature">Feature the request belongs to.</param>
/// <param name="ConversationId">Conversation the request is a turn of, or null when the log has none.</param>
/// <param name="Timestamp">Arrival time, or null when the log has none.</param>
/// <param name="InputTokens">Input (prompt) tokens, including any cached prefix.</param>
/// <param name="OutputTokens">Output tokens, excluding reasoning tokens when the log separates them.</param>
/// <param name="ReasoningTokens">Reasoning tokens, or null when the log does not record them.</param>
/// <param name="PrefixBlockHashes">
/// Hashes of the request's prefix blocks in order, or null when the log has none. Two requests whose
/// lists start with the same hashes share that cacheable prefix.
/// </param>
/// <param name="SourceLine">1-based line of the request in its log file.</param>
/// <param name="SourceFile">Path of the log file, or null when the request did not come from a file.</param>
public sealed record TokenObservation(
    string Feature,
    string? ConversationId,
    DateTimeOffset? Timestamp,
    long InputTokens,
    long OutputTokens,
    long? ReasoningTokens,
    IReadOnlyList<long>? PrefixBlockHashes,
    long SourceLine,
    string? SourceFile = null);
