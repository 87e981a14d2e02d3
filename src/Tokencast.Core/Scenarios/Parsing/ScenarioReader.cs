using System.Text;
using Tokencast.Core.Inputs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Reads and validates scenario files (YAML, or JSON with the same keys) and resolves their branches.
/// </summary>
public static class ScenarioReader
{
    /// <summary>Maximum size of a scenario file or text, in UTF-8 bytes (16 MiB).</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Reads the scenario file at <paramref name="path"/>. Relative paths inside it (catalog, empirical files)
    /// are resolved against the file's folder.
    /// </summary>
    /// <param name="path">The scenario file, relative to the current folder or full.</param>
    /// <param name="extraChecks">Checks that need more than the file, run when the file has problems.</param>
    /// <param name="files">Source of the scenario file and the files it names; null reads from disk.</param>
    /// <param name="overrides">
    /// Entries applied after the file's top-level <c>set</c>, as <c>tokencast whatif --set</c> gives them.
    /// </param>
    /// <exception cref="InvalidInputException">The file is missing or invalid; carries every problem found.</exception>
    public static ScenarioDocument ReadFile(
        string path,
        Func<Scenario, IEnumerable<InputProblem>>? extraChecks = null,
        IInputFiles? files = null,
        IReadOnlyList<SetOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        files ??= DiskInputFiles.Instance;
        var fullPath = Path.GetFullPath(path);
        if (!files.Exists(fullPath))
        {
            throw new InvalidInputException(new InputProblem(path, null, null, null, "file not found"));
        }

        if (files.Length(fullPath) > MaxFileBytes)
        {
            throw new InvalidInputException(TooLarge(path));
        }

        var text = InputFileText.Read(files, fullPath);
        var document = Read(text, path, Path.GetDirectoryName(fullPath)!, extraChecks, files, overrides);
        return document with
        {
            Base = document.Base with { SourceFile = fullPath },
            Branches = [.. document.Branches.Select(b => b with { Scenario = b.Scenario with { SourceFile = fullPath } })],
        };
    }

    /// <summary>
    /// Reads scenario text. <paramref name="fileName"/> is used in messages and may be null;
    /// <paramref name="baseDirectory"/> is the folder relative paths inside the text start from.
    /// <paramref name="files"/> is the source of the files the text names; null reads from disk.
    /// <paramref name="overrides"/> are applied after the text's top-level <c>set</c>, and their problems
    /// name <c>--set</c> and the path.
    /// </summary>
    /// <exception cref="InvalidInputException">The text is invalid; carries every problem found.</exception>
    public static ScenarioDocument Read(
        string text,
        string? fileName,
        string baseDirectory,
        Func<Scenario, IEnumerable<InputProblem>>? extraChecks = null,
        IInputFiles? files = null,
        IReadOnlyList<SetOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        overrides ??= [];
        var overrideProblems = new List<InputProblem>();
        var loaded = CommandLineSets.Append(Load(text, fileName), overrides, overrideProblems);
        files ??= DiskInputFiles.Instance;

        // The top-level set is applied first, so the base scenario and every branch read the result.
        var setContext = new ParseContext(fileName, baseDirectory, files);
        var (root, baseOverlay) = loaded is YamlMappingNode mapping
            ? BranchOverlay.ApplyTopLevelSet(mapping, setContext)
            : (null, null);
        var context = new ParseContext(fileName, baseDirectory, files, baseOverlay?.Lines);
        var (scenario, branchSpecs) = ScenarioBodyReader.Read(root ?? loaded, context);
        var problems = new UniqueList(overrideProblems);
        problems.AddRange(setContext.Problems);
        problems.AddRange(Rewrite(context.Problems, [], baseOverlay));
        var warnings = new UniqueList(Rewrite(context.Warnings, [], baseOverlay));

        var branches = new List<ScenarioBranch>();
        if (scenario is not null && branchSpecs.Count == 0)
        {
            branches.Add(new ScenarioBranch("baseline", null, scenario, []));
        }

        foreach (var branch in branchSpecs)
        {
            if (ResolveBranch(root!, baseOverlay!, branch, context, problems, warnings) is { } resolved)
            {
                branches.Add(resolved);
            }
        }

        // Checks that need more than the file, such as the price catalog, run here when the file has
        // problems, so one pass reports them all. A valid file gets those checks from its caller.
        if (problems.Items.Count > 0 && scenario is not null && extraChecks is not null)
        {
            problems.AddRange(extraChecks(scenario));
        }

        if (problems.Items.Count > 0 || scenario is null)
        {
            var ordered = problems.Items
                .Select(p => CommandLineSets.Rewrite(p, overrides))
                .OrderBy(p => p.Line ?? 0)
                .ToList();
            throw new InvalidInputException(ordered.Count > 0
                ? ordered
                : [new InputProblem(fileName, null, null, null, "invalid scenario")]);
        }

        var rewrittenWarnings = warnings.Items.Select(w => CommandLineSets.Rewrite(w, overrides)).ToList();
        return new ScenarioDocument(scenario, branches, rewrittenWarnings);
    }

    private static ScenarioBranch? ResolveBranch(YamlMappingNode root, BranchOverlay baseOverlay, BranchSpec branch,
        ParseContext baseContext, UniqueList problems, UniqueList warnings)
    {
        var overlayContext = new ParseContext(baseContext.File, baseContext.BaseDirectory, baseContext.Files,
            baseOverlay.Lines);
        var (overlaidRoot, overlay) = BranchOverlay.Apply(root, branch, overlayContext);
        problems.AddRange(overlayContext.Problems);

        // Nodes that the top-level set created keep their lines under the branch too.
        var lines = new Dictionary<YamlNode, long>(baseOverlay.Lines, ReferenceEqualityComparer.Instance);
        foreach (var (node, line) in overlay.Lines)
        {
            lines[node] = line;
        }

        var context = new ParseContext(baseContext.File, baseContext.BaseDirectory, baseContext.Files,
            lines, baseContext.EmpiricalCache);
        var (scenario, _) = ScenarioBodyReader.Read(overlaidRoot, context);
        problems.AddRange(Rewrite(context.Problems, baseContext.Problems, overlay));
        warnings.AddRange(Rewrite(context.Warnings, baseContext.Warnings, overlay));
        return scenario is null || overlayContext.Problems.Count > 0
            ? null
            : new ScenarioBranch(branch.Name, branch.Description, scenario, overlay.Assumptions);
    }

    // Problems that the base document has too are reported once, with their base path.
    private static IEnumerable<InputProblem> Rewrite(
        IEnumerable<InputProblem> found, IReadOnlyCollection<InputProblem> inBase, BranchOverlay? overlay) =>
        found.Where(p => !inBase.Contains(p))
            .Select(p => p.Path is null || overlay is null ? p : p with { Path = overlay.RewritePath(p.Path) });

    private static YamlNode Load(string text, string? fileName)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxFileBytes)
        {
            throw new InvalidInputException(TooLarge(fileName));
        }

        if (NestingCheck.FindLineAboveLimit(text) is { } deepLine)
        {
            throw new InvalidInputException(new InputProblem(fileName, deepLine, null, null,
                $"lists and mappings are nested more than {NestingCheck.MaxDepth} levels deep; "
                + "flatten the structure"));
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            var message = exception.InnerException?.Message ?? StripMark(exception.Message);
            throw new InvalidInputException(new InputProblem(fileName, exception.Start.Line, null, null,
                $"invalid YAML or JSON: {message}"));
        }
        catch (InvalidOperationException)
        {
            // NOTE: YamlDotNet 18.1.0 throws this without a position on some malformed input, such as a flow
            // list left open before the next key, so the line is unknown here.
            throw new InvalidInputException(new InputProblem(fileName, null, null, null,
                "invalid YAML or JSON: the file could not be parsed; check for unclosed brackets or quotes"));
        }

        if (stream.Documents.Count == 0 || ScalarReader.IsNull(stream.Documents[0].RootNode))
        {
            throw new InvalidInputException(new InputProblem(fileName, null, null, null,
                "file is empty; expected a scenario with name, start_month and horizon_months"));
        }

        if (stream.Documents.Count > 1)
        {
            throw new InvalidInputException(new InputProblem(fileName, stream.Documents[1].RootNode.Start.Line, null,
                null, "expected one YAML document, found several; remove the extra '---' separators"));
        }

        var root = stream.Documents[0].RootNode;
        if (AnchorCheck.Find(root, fileName) is { Count: > 0 } anchorProblems)
        {
            throw new InvalidInputException(anchorProblems);
        }

        return root;
    }

    private static InputProblem TooLarge(string? fileName) =>
        new(fileName, null, null, null,
            $"file is larger than the limit of {MaxFileBytes / (1024 * 1024)} MiB for scenario files; "
            + "move large value lists into an empirical values file");

    // YamlDotNet prefixes messages with "(Line: 3, Col: 1, Idx: 20) - (Line: ...): "; the line is reported apart.
    private static string StripMark(string message)
    {
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && separator > 0
            ? message[(separator + 3)..]
            : message;
    }

    private sealed class UniqueList(IEnumerable<InputProblem> initial)
    {
        private readonly HashSet<InputProblem> _seen = [.. initial];

        public List<InputProblem> Items { get; } = [.. initial.Distinct()];

        public void AddRange(IEnumerable<InputProblem> problems)
        {
            foreach (var problem in problems.Where(_seen.Add))
            {
                Items.Add(problem);
            }
        }
    }
}
