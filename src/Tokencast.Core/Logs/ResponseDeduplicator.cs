namespace Tokencast.Core.Logs;

/// <summary>
/// Finds rows that describe the same response. Streaming loggers write one row per snapshot with
/// the same response id, and each snapshot repeats the usage so far. So the group is one response
/// and is never summed. The row with the most tokens is kept, which is the final snapshot, and on
/// a tie the later row is kept.
/// </summary>
public static class ResponseDeduplicator
{
    /// <summary>Returns, for each dropped row, the row kept in its place.</summary>
    /// <exception cref="InvalidInputException">
    /// Rows with the same response id name different models, so they cannot be one response.
    /// </exception>
    public static IReadOnlyDictionary<RequestRecord, RequestRecord> FindDuplicates(
        IEnumerable<RequestRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var duplicates = new Dictionary<RequestRecord, RequestRecord>(ReferenceEqualityComparer.Instance);
        var groups = records
            .Where(record => record.ResponseId is not null)
            .GroupBy(record => record.ResponseId!, StringComparer.Ordinal)
            .Where(group => group.Skip(1).Any());
        var problems = new List<InputProblem>();
        foreach (var group in groups)
        {
            var first = group.FirstOrDefault(record => record.Model is not null);
            var other = group.FirstOrDefault(record =>
                record.Model is not null && !string.Equals(record.Model, first!.Model, StringComparison.Ordinal));
            if (other is not null)
            {
                problems.Add(new InputProblem(other.SourceFile, other.Line, null, group.Key,
                    $"response id is also on line {first!.Line}, but that row names model '{first.Model}' "
                    + $"and this row names '{other.Model}'. Rows of one response must name one model, "
                    + "so fix the response id or the model."));
                continue;
            }

            var kept = group.Aggregate((best, next) => Size(next) >= Size(best) ? next : best);
            foreach (var record in group.Where(record => !ReferenceEquals(record, kept)))
            {
                duplicates[record] = kept;
            }
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : duplicates;
    }

    // A row without usage ranks below any row with usage, even one of zero tokens.
    private static long Size(RequestRecord record) => record.Buckets?.TotalTokens ?? -1;
}
