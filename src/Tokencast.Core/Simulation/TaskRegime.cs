namespace Tokencast.Core.Simulation;

/// <summary>
/// A feature's task model over a stretch of time in which nothing about it changes (model, prompt,
/// prices), with the branch cost line each of its task lines is booked to.
/// </summary>
/// <param name="Model">The task model in effect.</param>
/// <param name="CostLines">For each task cost line (called models, tool execution, human escalation), the
/// index of the branch cost line it is booked to.</param>
public sealed record TaskRegime(TaskModel Model, IReadOnlyList<int> CostLines);
