using Tokencast.Core.Inputs;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// State of one read of a scenario document: where it came from, the problems and warnings found so far, and
/// the references to check once every id is known.
/// </summary>
internal sealed class ParseContext
{
    private readonly Dictionary<YamlNode, long> _lineOverrides;
    private readonly Dictionary<string, IReadOnlyList<double>> _empiricalCache;

    public ParseContext(
        string? file,
        string baseDirectory,
        IInputFiles files,
        Dictionary<YamlNode, long>? lineOverrides = null,
        Dictionary<string, IReadOnlyList<double>>? empiricalCache = null)
    {
        File = file;
        BaseDirectory = baseDirectory;
        Files = files;
        _lineOverrides = lineOverrides ?? new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance);
        _empiricalCache = empiricalCache ?? [];
    }

    public string? File { get; }

    /// <summary>Folder that relative paths in the scenario (catalog, empirical files) start from.</summary>
    public string BaseDirectory { get; }

    /// <summary>Source of the files the scenario refers to (catalog, empirical files).</summary>
    public IInputFiles Files { get; }

    public List<InputProblem> Problems { get; } = [];

    public List<InputProblem> Warnings { get; } = [];

    public List<ReferenceUse> References { get; } = [];

    /// <summary>Empirical values already loaded, keyed by full file path and column, shared across branches.</summary>
    public Dictionary<string, IReadOnlyList<double>> EmpiricalCache => _empiricalCache;

    /// <summary>
    /// Returns the 1-based line of a node. Nodes that branch overlays create have no position of their own and
    /// take the line recorded for them.
    /// </summary>
    public long LineOf(YamlNode node) =>
        _lineOverrides.TryGetValue(node, out var line) ? line : node.Start.Line;

    public SourceLocation Locate(YamlNode node, string path) => new(File, LineOf(node), path);

    public void Report(YamlNode node, string path, string? value, string message) =>
        Problems.Add(new InputProblem(File, LineOf(node), path, NodeText.Shorten(value), message));

    public void Warn(YamlNode node, string path, string? value, string message) =>
        Warnings.Add(new InputProblem(File, LineOf(node), path, NodeText.Shorten(value), message));

    public void Refer(ReferenceKind kind, string name, YamlNode node, string path) =>
        References.Add(new ReferenceUse(kind, name, node, path));

    /// <summary>
    /// Creates a context that reads the same files and keeps the same lines, plus the line of
    /// <paramref name="created"/>, a node made while reading, but collects its own problems, warnings and
    /// references.
    /// </summary>
    public ParseContext CreateScratch(YamlNode created, long line)
    {
        var lines = new Dictionary<YamlNode, long>(_lineOverrides, ReferenceEqualityComparer.Instance)
        {
            [created] = line,
        };
        return new ParseContext(File, BaseDirectory, Files, lines, _empiricalCache);
    }

    public string ResolvePath(string relativePath) => Path.GetFullPath(relativePath, BaseDirectory);
}
