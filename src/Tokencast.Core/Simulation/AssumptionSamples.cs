namespace Tokencast.Core.Simulation;

/// <summary>The value one uncertain trial-level assumption of a branch took in each trial of a run.</summary>
/// <param name="Path">
/// The assumption's path in the scenario, such as <c>cohorts.smb.users</c>,
/// <c>cohorts.smb.features.chat.adoption</c> or <c>events[0].monthly_change</c>.
/// </param>
/// <param name="Distribution">The distribution the values are drawn from, as text for reports.</param>
/// <param name="Values">One value per trial, in trial order, as the simulation used it.</param>
public sealed record AssumptionSamples(string Path, string Distribution, double[] Values);
