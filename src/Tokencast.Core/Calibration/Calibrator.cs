using System.Globalization;

namespace Tokencast.Core.Calibration;

/// <summary>
/// Calibrates features from observed requests: token distributions, turns per conversation, prefix
/// cache reuse and request rate.
/// </summary>
public static class Calibrator
{
    /// <summary>Groups the observations by feature and calibrates each feature.</summary>
    /// <exception cref="InvalidInputException">
    /// There are no observations, or some have negative token counts or an empty feature; every such
    /// observation is listed.
    /// </exception>
    public static CalibrationReport Calibrate(
        IReadOnlyList<TokenObservation> observations, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        options ??= new CalibrationOptions();
        Validate(observations);

        var features = observations
            .GroupBy(o => o.Feature, StringComparer.Ordinal)
            .Select(g => CalibrateFeature(g.Key, g.ToList(), options))
            .ToList();
        return new CalibrationReport(features, options);
    }

    private static FeatureCalibration CalibrateFeature(
        string feature, List<TokenObservation> requests, CalibrationOptions options)
    {
        var notes = new List<string>();
        var timestamps = requests.Where(o => o.Timestamp is not null).Select(o => o.Timestamp!.Value).ToList();

        long[] inputValues = [.. requests.Select(o => o.InputTokens)];
        long[] outputValues = [.. requests.Select(o => o.OutputTokens)];
        long[] reasoningValues =
            [.. requests.Where(o => o.ReasoningTokens is not null).Select(o => o.ReasoningTokens!.Value)];
        var input = TokenDistributionFitter.Fit(TokenKind.Input, inputValues, options);
        var output = TokenDistributionFitter.Fit(TokenKind.Output, outputValues, options);
        var reasoning = reasoningValues.Length > 0
            ? TokenDistributionFitter.Fit(TokenKind.Reasoning, reasoningValues, options)
            : null;

        var turns = ConversationTurnsFitter.Fit(requests);
        var hasHashes = requests.Any(o => o.PrefixBlockHashes is not null);
        if (turns is null)
        {
            notes.Add(hasHashes
                ? "No conversation id: turns per conversation are not counted. Requests share prefix blocks, "
                  + "but that alone does not identify a conversation."
                : "No conversation id: turns per conversation are not counted.");
        }

        var cache = hasHashes ? SimulateCaches(requests, timestamps.Count, options, notes) : [];
        if (timestamps.Count < requests.Count)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{requests.Count - timestamps.Count} of {requests.Count} requests have no timestamp."));
        }

        return new FeatureCalibration(
            feature,
            requests.Count,
            timestamps.Count == 0 ? null : timestamps.Min(),
            timestamps.Count == 0 ? null : timestamps.Max(),
            input,
            output,
            reasoning,
            turns,
            cache,
            notes);
    }

    private static List<PrefixCacheResult> SimulateCaches(
        List<TokenObservation> requests, int timestampCount, CalibrationOptions options, List<string> notes)
    {
        var results = new List<PrefixCacheResult>
        {
            PrefixCacheSimulator.Simulate(requests, options.PrefixBlockTokens, timeToLive: null),
        };
        var hashedWithoutTime = requests.Any(o => o.PrefixBlockHashes is not null && o.Timestamp is null);
        if (hashedWithoutTime || timestampCount == 0)
        {
            notes.Add("Some requests with prefix hashes have no timestamp, so only the unbounded cache is "
                + "simulated.");
            return results;
        }

        foreach (var timeToLive in options.CacheTimeToLive)
        {
            results.Add(PrefixCacheSimulator.Simulate(requests, options.PrefixBlockTokens, timeToLive));
        }

        return results;
    }

    private static void Validate(IReadOnlyList<TokenObservation> observations)
    {
        if (observations.Count == 0)
        {
            throw new InvalidInputException(new InputProblem(
                null, null, null, null, "The logs contain no requests; calibration needs at least one."));
        }

        var problems = new List<InputProblem>();
        foreach (var o in observations)
        {
            if (string.IsNullOrWhiteSpace(o.Feature))
            {
                var message = "The feature is empty; give each row a feature name.";
                problems.Add(Problem(o, "feature", o.Feature, message));
            }

            AddIfNegative(problems, o, "input_tokens", o.InputTokens);
            AddIfNegative(problems, o, "output_tokens", o.OutputTokens);
            if (o.ReasoningTokens is { } reasoning)
            {
                AddIfNegative(problems, o, "reasoning_tokens", reasoning);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }
    }

    private static void AddIfNegative(List<InputProblem> problems, TokenObservation o, string path, long value)
    {
        if (value < 0)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            problems.Add(Problem(o, path, text, "Token counts must be 0 or more."));
        }
    }

    private static InputProblem Problem(TokenObservation o, string path, string? value, string message) =>
        new(o.SourceFile, o.SourceLine, path, value, message);
}
