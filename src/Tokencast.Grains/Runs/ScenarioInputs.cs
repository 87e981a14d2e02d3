using System.Collections.Immutable;
using Tokencast.Core.Planning;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Runs;

/// <summary>Reads a scenario into a <see cref="ScenarioInput"/> and compiles plans from one.</summary>
public static class ScenarioInputs
{
    /// <summary>Reads and checks the scenario at <paramref name="path"/> with every file it reads.</summary>
    /// <exception cref="Core.InvalidInputException">The scenario is invalid; carries every problem found.</exception>
    public static ScenarioInput Capture(string path, string? catalogFile = null)
    {
        var document = ScenarioReader.ReadFile(path, CatalogCheck.UnknownModels);
        var fullPath = Path.GetFullPath(path);
        var catalog = catalogFile is null ? null : Path.GetFullPath(catalogFile);
        ScenarioCompiler.Compile(document, null, catalog);
        var text = File.ReadAllText(fullPath);
        return new ScenarioInput(
            fullPath,
            ImmutableDictionary<string, string>.Empty.Add(fullPath, text),
            catalog,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fullPath + "\n" + text))));
    }

    /// <summary>Compiles the named branches (all when empty) of a captured scenario.</summary>
    /// <exception cref="Core.InvalidInputException">The scenario or a branch name is invalid.</exception>
    public static SimulationPlan Compile(ScenarioInput input, ImmutableArray<string> branches)
    {
        ArgumentNullException.ThrowIfNull(input);
        var document = ScenarioReader.ReadFile(input.MainFile, CatalogCheck.UnknownModels);
        return ScenarioCompiler.Compile(document, branches.IsDefaultOrEmpty ? null : branches, input.CatalogFile);
    }
}
