using Tokencast.Core;
using Tokencast.Core.Inputs;
using Tokencast.Core.Levers;
using Tokencast.Core.Scenarios;

namespace Tokencast.Host;

/// <summary>
/// The <c>sets</c> of a what-if request: parsed, and named in problems as <c>sets[i]</c> where the command
/// line names them <c>--set</c>, so that a message points at the entry of the request.
/// </summary>
internal static class WhatIfSets
{
    /// <summary>Parses every <c>PATH=VALUE</c> entry.</summary>
    /// <exception cref="InvalidInputException">
    /// There is no entry, or entries lack a path or an <c>=</c>, with one problem per entry.
    /// </exception>
    public static List<SetOverride> Parse(IReadOnlyList<string>? sets)
    {
        if (sets is not { Count: > 0 })
        {
            throw new InvalidInputException(new InputProblem(null, null, "sets", null,
                "is empty; send at least one PATH=VALUE, such as features.chat.model=budget"));
        }

        var overrides = new List<SetOverride>();
        var problems = new List<InputProblem>();
        for (var i = 0; i < sets.Count; i++)
        {
            try
            {
                overrides.Add(SetOverride.Parse(sets[i] ?? ""));
            }
            catch (InvalidInputException exception)
            {
                problems.AddRange(exception.Problems.Select(problem => problem with { File = Entry(i) }));
            }
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : overrides;
    }

    /// <summary>Runs <see cref="WhatIf.Compare"/> and names the set entry behind each problem it reports.</summary>
    /// <exception cref="InvalidInputException">A set, the changed scenario or a branch is invalid.</exception>
    public static WhatIfResult Compare(ScenarioBundle bundle, IReadOnlyList<SetOverride> overrides, WhatIfOptions options)
    {
        try
        {
            return WhatIf.Compare(bundle, overrides, options);
        }
        catch (InvalidInputException exception)
        {
            throw new InvalidInputException([.. exception.Problems.Select(problem => NameEntry(problem, overrides))]);
        }
    }

    /// <summary>
    /// Replaces the <c>--set</c> of a problem with the one entry whose path is the problem's path or lies
    /// above it.
    /// A problem that only compiling finds has the path the value takes in the scenario, such as
    /// <c>features[1].model</c>, which no entry names; it gets <c>sets</c> unless there is only one entry.
    /// </summary>
    private static InputProblem NameEntry(InputProblem problem, IReadOnlyList<SetOverride> overrides)
    {
        if (problem.File != SetOverride.Source)
        {
            return problem;
        }

        var entries = Enumerable.Range(0, overrides.Count)
            .Where(i => Covers(overrides[i].Path, problem.Path))
            .ToList();
        if (entries.Count == 1)
        {
            return problem with { File = Entry(entries[0]) };
        }

        return problem with { File = overrides.Count == 1 ? Entry(0) : "sets" };
    }

    // An unknown key or feature id is reported at the entry's path, and a problem inside its value below it.
    private static bool Covers(string setPath, string? problemPath) =>
        problemPath is not null
        && (problemPath == setPath
            || problemPath.StartsWith(setPath + ".", StringComparison.Ordinal)
            || problemPath.StartsWith(setPath + "[", StringComparison.Ordinal));

    private static string Entry(int index) => $"sets[{index}]";
}
