using System.Collections.Immutable;
using Tokencast.Core;
using Tokencast.Core.Inputs;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Runs;

/// <summary>Turns a scenario on disk into a <see cref="ScenarioInput"/> and compiles plans from one, disk untouched.</summary>
public static class ScenarioInputs
{
    /// <summary>Reads and checks the scenario at <paramref name="path"/> with every file it reads.</summary>
    /// <param name="path">The scenario file.</param>
    /// <param name="catalogFile">A catalog file that replaces the scenario's, or null.</param>
    /// <param name="files">Source of the files; null reads from disk.</param>
    /// <returns>The input and the parsed scenario, with its warnings.</returns>
    /// <exception cref="InvalidInputException">The scenario is invalid; carries every problem found.</exception>
    public static (ScenarioInput Input, ScenarioDocument Document) Capture(
        string path, string? catalogFile = null, IInputFiles? files = null)
    {
        var bundle = ScenarioBundle.Capture(path, catalogFile, files);
        return (From(bundle), bundle.Read());
    }

    /// <summary>Wraps a bundle for the wire.</summary>
    public static ScenarioInput From(ScenarioBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return new ScenarioInput(
            bundle.MainFile, bundle.Files.ToImmutableDictionary(StringComparer.Ordinal), bundle.CatalogFile, bundle.ComputeContentHash());
    }

    /// <summary>Compiles the named branches (all when empty) from the input's texts alone.</summary>
    /// <exception cref="Core.InvalidInputException">The scenario or a branch name is invalid.</exception>
    public static SimulationPlan Compile(ScenarioInput input, ImmutableArray<string> branches)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bundle = new ScenarioBundle(input.MainFile, input.Files, input.CatalogFile);
        return bundle.Compile(branches.IsDefaultOrEmpty ? null : branches);
    }
}
