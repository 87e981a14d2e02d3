using Tokencast.Core.Inputs;
using Tokencast.Core.Variance;

namespace Tokencast.Grains.Reforecasting;

/// <summary>One reforecast of a tracked forecast: the scenario as written and the cut-off of the actuals.</summary>
/// <param name="Name">Name of the tracked forecast the version belongs to.</param>
/// <param name="Scenario">The scenario as written, with the files it reads.</param>
/// <param name="CutOff">Actuals dated before this day are used.</param>
public sealed record ReforecastRequest(string Name, ScenarioBundle Scenario, DateOnly CutOff)
{
    /// <summary>Days of actuals before the cut-off to recalibrate from (1 to 366).</summary>
    public int WindowDays { get; init; } = 28;

    /// <summary>Trials per branch, or null for the scenario's trials.</summary>
    public int? Trials { get; init; }

    /// <summary>Run seed, or null for the scenario's seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Branch and percentiles the closed period is reviewed against.</summary>
    public ReviewSettings Review { get; init; } = new();
}
