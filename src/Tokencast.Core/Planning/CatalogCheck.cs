using Tokencast.Core.Inputs;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Planning;

/// <summary>
/// Checks the model names of a scenario against its price catalog without compiling it, so that a file
/// with other problems still gets its unknown models reported in the same pass.
/// </summary>
public static class CatalogCheck
{
    /// <summary>
    /// Returns a problem for every model name the scenario's catalog, read from disk, does not know.
    /// </summary>
    public static IEnumerable<InputProblem> UnknownModels(Scenario scenario) =>
        UnknownModels(scenario, DiskInputFiles.Instance);

    /// <summary>Returns a problem for every model name the scenario's catalog does not know.</summary>
    /// <param name="scenario">The scenario to check.</param>
    /// <param name="files">Source of the scenario's catalog file.</param>
    public static IEnumerable<InputProblem> UnknownModels(Scenario scenario, IInputFiles files)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(files);
        Pricing.PriceCatalog catalog;
        try
        {
            catalog = ScenarioCatalog.Build(scenario, files: files);
        }
        catch (InvalidInputException exception)
        {
            return exception.Problems;
        }

        var problems = new List<InputProblem>();
        foreach (var reference in scenario.CatalogModelReferences)
        {
            if (catalog.Contains(reference.ModelKey))
            {
                continue;
            }

            try
            {
                catalog.Resolve(reference.ModelKey, scenario.StartMonth);
            }
            catch (InvalidInputException exception)
            {
                problems.AddRange(exception.Problems.Select(p => p with
                {
                    File = reference.Source.File, Line = reference.Source.Line, Path = reference.Source.Path,
                }));
            }
        }

        return problems;
    }
}
