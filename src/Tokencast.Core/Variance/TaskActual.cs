namespace Tokencast.Core.Variance;

/// <summary>
/// One observed task of a feature: its calls summed into token counts and a cost.
/// </summary>
/// <param name="Feature">Feature that ran the task.</param>
/// <param name="Date">Date of the task, in the time zone the caller reports in.</param>
/// <param name="Calls">Number of LLM calls the task made.</param>
/// <param name="Model">Model of the task's last call.</param>
/// <param name="Escalated">True when the task used more than one model tier.</param>
/// <param name="Tokens">Tokens of all the task's calls.</param>
/// <param name="CostUsd">Cost of the task in USD. Ignored when <paramref name="CostKnown"/> is false.</param>
/// <param name="CostKnown">False when at least one call could not be priced.</param>
public sealed record TaskActual(
    string Feature,
    DateOnly Date,
    int Calls,
    string Model,
    bool Escalated,
    TokenCounts Tokens,
    decimal CostUsd,
    bool CostKnown);
