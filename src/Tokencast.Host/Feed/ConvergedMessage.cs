namespace Tokencast.Host.Feed;

/// <summary>Sent once when every reported percentile of a run is within its tolerance.</summary>
/// <param name="RunId">The run.</param>
/// <param name="TrialsDone">Trials per branch when it converged.</param>
/// <param name="Tolerance">Relative standard error every percentile reached.</param>
public sealed record ConvergedMessage(string RunId, int TrialsDone, double Tolerance);
