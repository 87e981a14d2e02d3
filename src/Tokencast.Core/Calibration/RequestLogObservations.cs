using Tokencast.Core.Logs;

namespace Tokencast.Core.Calibration;

/// <summary>Reads a request log into the token observations that calibration fits.</summary>
public static class RequestLogObservations
{
    /// <summary>
    /// Reads <paramref name="path"/> with <see cref="RequestLogReader"/> and keeps each row that carries
    /// usage. Rows that repeat a response id (snapshots of a streamed response) count once, as the row
    /// <see cref="ResponseDeduplicator"/> keeps. Input tokens are the whole prompt, uncached and both cache
    /// kinds. Output and reasoning tokens stay apart, and reasoning is null for rows that report none.
    /// Rows of traces that only give an offset from the trace start are placed on the Unix epoch plus
    /// that offset, which keeps their order and spacing for the cache replay.
    /// </summary>
    /// <param name="path">A CSV or JSON Lines request log.</param>
    /// <param name="defaultFeature">Feature for rows that name none.</param>
    /// <exception cref="InvalidInputException">
    /// The log has invalid rows, or rows of one response id name different models.
    /// </exception>
    public static IReadOnlyList<TokenObservation> Read(string path, string defaultFeature)
    {
        var log = RequestLogReader.Read(path);
        var duplicates = ResponseDeduplicator.FindDuplicates(log.Records);
        var observations = new List<TokenObservation>(log.Records.Count);
        foreach (var record in log.Records)
        {
            if (duplicates.ContainsKey(record) || record.Buckets is not { } buckets)
            {
                continue;
            }

            var timestamp = record.Timestamp
                ?? (record.TraceOffset is { } offset ? DateTimeOffset.UnixEpoch + offset : null);
            observations.Add(new TokenObservation(
                string.IsNullOrWhiteSpace(record.Feature) ? defaultFeature : record.Feature,
                record.ConversationId,
                timestamp,
                buckets.PromptTokens,
                buckets.Output,
                record.Usage?.ReasoningTokens is null ? null : buckets.ReasoningOutput,
                record.PrefixBlockHashes,
                record.Line,
                record.SourceFile));
        }

        return observations;
    }
}
