namespace Tokencast.Core.Pricing;

/// <summary>
/// Suggests catalog names close to an unknown model name by Levenshtein edit distance, on the whole
/// key and on the part after the last '/', so <c>claude-sonet-4-5</c> finds
/// <c>claude-sonnet-4-5</c> and <c>gpt4o</c> finds <c>openai/gpt-4o</c>.
/// </summary>
internal static class ModelNameSuggester
{
    public static IReadOnlyList<string> Suggest(string model, IEnumerable<string> candidates, int maxCount = 5)
    {
        var query = model.ToLowerInvariant();
        var queryTail = Tail(query);
        var maxDistance = Math.Max(2, query.Length / 3);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(name =>
            {
                var lower = name.ToLowerInvariant();
                var distance = Math.Min(Distance(query, lower), Distance(queryTail, Tail(lower)));
                return (Name: name, Distance: distance);
            })
            .Where(candidate => candidate.Distance <= maxDistance)
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Name.Length)
            .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .Take(maxCount)
            .Select(candidate => candidate.Name)
            .ToList();
    }

    private static string Tail(string name) => name[(name.LastIndexOf('/') + 1)..];

    private static int Distance(string source, string target)
    {
        var previous = new int[target.Length + 1];
        var current = new int[target.Length + 1];
        for (var j = 0; j <= target.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= target.Length; j++)
            {
                var substitution = previous[j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[target.Length];
    }
}
