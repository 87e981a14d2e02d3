namespace Tokencast.Core.Simulation;

/// <summary>How the engine sums the tasks of a month.</summary>
public enum SimulationMode
{
    /// <summary>
    /// Draws each month's total from a pre-simulated task-cost distribution (compound Poisson with an
    /// exact tail and a normal-power body); fast enough for millions of tasks per month.
    /// </summary>
    Aggregated,

    /// <summary>Simulates every task of every month call by call; exact but slow, for checking.</summary>
    CallByCall,
}
