namespace Tokencast.Core.Calibration;

/// <summary>Calibration of one feature from its observed requests.</summary>
/// <param name="Feature">Feature id.</param>
/// <param name="RequestCount">Number of requests.</param>
/// <param name="FirstArrival">Earliest timestamp, or null when no request has one.</param>
/// <param name="LastArrival">Latest timestamp, or null when no request has one.</param>
/// <param name="InputTokens">Fits of input tokens per request.</param>
/// <param name="OutputTokens">Fits of output tokens per request.</param>
/// <param name="ReasoningTokens">Fits of reasoning tokens, or null when no request records them.</param>
/// <param name="Turns">Turns per conversation, or null when no request has a conversation id.</param>
/// <param name="Cache">
/// Prefix cache reuse, unbounded first and then per lifetime; empty when no request has prefix hashes.
/// </param>
/// <param name="Notes">Facts about the data that limit the calibration, as sentences.</param>
public sealed record FeatureCalibration(
    string Feature,
    int RequestCount,
    DateTimeOffset? FirstArrival,
    DateTimeOffset? LastArrival,
    TokenFitReport InputTokens,
    TokenFitReport OutputTokens,
    TokenFitReport? ReasoningTokens,
    ConversationTurnsFit? Turns,
    IReadOnlyList<PrefixCacheResult> Cache,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Observed requests per hour: request count / (last − first arrival), or null when the span is 0
    /// or unknown.
    /// </summary>
    public double? RequestsPerHour
    {
        get
        {
            if (FirstArrival is null || LastArrival is null || LastArrival <= FirstArrival)
            {
                return null;
            }

            return RequestCount / (LastArrival.Value - FirstArrival.Value).TotalHours;
        }
    }
}
