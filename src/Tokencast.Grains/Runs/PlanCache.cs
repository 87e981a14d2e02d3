using System.Collections.Concurrent;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Runs;

/// <summary>
/// The compiled plans of the runs a silo works on, compiled once per silo from the run's scenario input
/// and shared by all the run's grains there. Keeps the most recent plans only.
/// </summary>
public sealed class PlanCache
{
    private const int Capacity = 16;
    private readonly ConcurrentDictionary<string, Lazy<SimulationPlan>> _plans = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Returns the plan of <paramref name="definition"/>, compiling it on first use.</summary>
    /// <exception cref="Core.InvalidInputException">The scenario is invalid.</exception>
    public SimulationPlan Get(RunDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var key = definition.ForecastId();
        var entry = _plans.GetOrAdd(key, _ =>
        {
            _order.Enqueue(key);
            return new Lazy<SimulationPlan>(() => ScenarioInputs.Compile(definition.Scenario, definition.Branches));
        });
        Trim();
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed compile is not kept, so the caller gets the same error with its problems next time.
            _plans.TryRemove(new KeyValuePair<string, Lazy<SimulationPlan>>(key, entry));
            throw;
        }
    }

    private void Trim()
    {
        while (_plans.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _plans.TryRemove(oldest, out _);
        }
    }
}
