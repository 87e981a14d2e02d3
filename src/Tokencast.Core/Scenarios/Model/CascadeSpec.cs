namespace Tokencast.Core.Scenarios;

/// <summary>
/// A cascade router: every task starts on the cheap model and some are escalated to the strong one. Exactly one
/// of <paramref name="EscalationRate"/> or the pair <paramref name="Confidence"/> and
/// <paramref name="Threshold"/> is set.
/// </summary>
/// <param name="Cheap">Tier name, alias or model key tried first.</param>
/// <param name="Strong">Tier name, alias or model key escalated to.</param>
/// <param name="EscalationRate">Share of tasks escalated, in [0, 1], or null.</param>
/// <param name="Confidence">Router confidence per task, in [0, 1], or null.</param>
/// <param name="Threshold">A task is escalated when its confidence is below this value, or null.</param>
/// <param name="Source">Location of the <c>cascade</c> mapping.</param>
public sealed record CascadeSpec(
    string Cheap,
    string Strong,
    double? EscalationRate,
    UncertainValue? Confidence,
    double? Threshold,
    SourceLocation Source);
