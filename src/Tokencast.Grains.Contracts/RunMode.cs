namespace Tokencast.Grains;

/// <summary>How a run sums a month's tasks (see <see cref="Core.Simulation.SimulationMode"/>).</summary>
[GenerateSerializer, Alias("tokencast.run-mode.v1")]
public enum RunMode
{
    /// <summary>Compound Poisson draws from a sampled task-cost distribution.</summary>
    Aggregated,

    /// <summary>Every task simulated call by call.</summary>
    CallByCall,
}
