namespace Tokencast.Core.Forecasting;

/// <summary>
/// The trials and seed of a run when they are not requested: the scenario's own, else a fixed default. Every
/// command and endpoint that runs a scenario chooses them here, so the same scenario gives the same run.
/// </summary>
public static class RunDefaults
{
    /// <summary>Trials per branch when neither the request nor the scenario gives them.</summary>
    public const int Trials = 2000;

    /// <summary>Run seed when neither the request nor the scenario gives one.</summary>
    public const ulong Seed = 1;

    /// <summary>Returns the requested trials, else the scenario's, else <see cref="Trials"/>.</summary>
    public static int TrialsFor(int? requested, int? scenario) => requested ?? scenario ?? Trials;

    /// <summary>
    /// Returns the requested seed, else the scenario's (its bits read as unsigned), else <see cref="Seed"/>.
    /// </summary>
    public static ulong SeedFor(ulong? requested, long? scenario) =>
        requested ?? (scenario is { } value ? unchecked((ulong)value) : Seed);
}
