using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Applies one branch, or the top-level <c>set</c>, to the document tree: each <c>set</c> path replaces a
/// value and a branch's <c>add_events</c> is appended to <c>events</c>. Only the nodes along a changed path are copied; every copy keeps the line of its
/// original, and values the branch creates take the line of their <c>set</c> entry.
/// </summary>
internal sealed partial class BranchOverlay
{
    private readonly ParseContext _context;
    private readonly string _overlayPath;
    private readonly string _forbiddenKey;
    private readonly List<(string Resolved, string Written)> _pathMap = [];
    private readonly List<BranchAssumption> _assumptions = [];

    // overlayPath is the path of the mapping that contains set and add_events, empty for the top level.
    private BranchOverlay(ParseContext context, string overlayPath, string forbiddenKey,
        Dictionary<YamlNode, long> lines)
    {
        _context = context;
        _overlayPath = overlayPath;
        _forbiddenKey = forbiddenKey;
        Lines = lines;
    }

    /// <summary>Lines of the nodes the overlay created, to pass to the context that reads the result.</summary>
    public Dictionary<YamlNode, long> Lines { get; }

    public IReadOnlyList<BranchAssumption> Assumptions => _assumptions;

    /// <summary>
    /// Applies <paramref name="branch"/> to <paramref name="root"/> and returns the new tree without
    /// <c>branches</c>. A <c>set</c> path that does not exist is reported to <paramref name="context"/> and
    /// skipped, so the other entries are still checked.
    /// </summary>
    public static (YamlMappingNode Root, BranchOverlay Overlay) Apply(
        YamlMappingNode root, BranchSpec branch, ParseContext context)
    {
        var overlay = new BranchOverlay(context, NodePaths.Child("branches", branch.Name), "branches",
            new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance));
        var branchNode = (YamlMappingNode)root.Children[new YamlScalarNode("branches")];
        var branchBody = (YamlMappingNode)branchNode.Children[new YamlScalarNode(branch.Name)];
        var current = overlay.CopyMapping(root, except: "branches");
        if (branchBody.Children.TryGetValue(new YamlScalarNode("set"), out var set) && set is YamlMappingNode settings)
        {
            current = overlay.SetAll(current, settings, branch.Description);
        }

        if (branchBody.Children.TryGetValue(new YamlScalarNode("add_events"), out var added)
            && added is YamlSequenceNode addedEvents)
        {
            current = overlay.AddEvents(current, addedEvents, branch.Description);
        }

        return (current, overlay);
    }

    /// <summary>
    /// Applies the top-level <c>set</c> of <paramref name="root"/> and returns the new tree without
    /// <c>set</c>, branches kept, so that branches overlay the result. A path that does not exist, and a
    /// <c>set</c> that is not a mapping, are reported to <paramref name="context"/>.
    /// </summary>
    public static (YamlMappingNode Root, BranchOverlay Overlay) ApplyTopLevelSet(
        YamlMappingNode root, ParseContext context)
    {
        var overlay = new BranchOverlay(context, "", "set",
            new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance));
        var setKey = new YamlScalarNode("set");
        if (!root.Children.TryGetValue(setKey, out var set))
        {
            return (root, overlay);
        }

        var current = overlay.CopyMapping(root, except: "set");
        if (set is YamlMappingNode settings)
        {
            return (overlay.SetAll(current, settings, description: null), overlay);
        }

        if (!ScalarReader.IsNull(set))
        {
            context.Report(set, "set", NodeText.Render(set),
                "expected a mapping of paths to values, such as features.chat.model: budget");
        }

        return (current, overlay);
    }

    /// <summary>
    /// Rewrites the path of a problem found in the overlaid tree so it names the branch entry that caused it,
    /// such as <c>branches.growth.set.cohorts.smb.users</c>. Other paths are returned unchanged.
    /// </summary>
    public string RewritePath(string path)
    {
        foreach (var (resolved, written) in _pathMap)
        {
            if (path == resolved || path.StartsWith(resolved + ".", StringComparison.Ordinal)
                || path.StartsWith(resolved + "[", StringComparison.Ordinal))
            {
                return written + path[resolved.Length..];
            }

            if (resolved.StartsWith(path + ".", StringComparison.Ordinal))
            {
                return written;
            }
        }

        return path;
    }

    private YamlMappingNode SetAll(YamlMappingNode root, YamlMappingNode settings, string? description)
    {
        var current = root;
        foreach (var (key, value) in settings.Children)
        {
            var path = ((YamlScalarNode)key).Value!;
            current = Set(current, path, key, value, description) ?? current;
        }

        return current;
    }

    private YamlMappingNode? Set(YamlMappingNode root, string path, YamlNode keyNode, YamlNode value,
        string? description)
    {
        var writtenPath = NodePaths.Child(NodePaths.Child(_overlayPath, "set"), path);
        var segments = SplitPath(path);
        if (segments is null || segments[0] == "branches" || segments[0] == _forbiddenKey || segments[^1] == "id")
        {
            _context.Report(keyNode, writtenPath, path, segments is null
                ? "invalid set path; expected keys and ids joined by '.', such as features.chat.model"
                : segments[0] == "branches" || segments[0] == _forbiddenKey
                    ? $"set cannot change {segments[0]}"
                    : "set cannot change an id, because set paths and reports refer to features and cohorts by id");
            return null;
        }

        var step = new SetStep(segments, keyNode, value, writtenPath);
        if (Replace(root, 0, "", step) is not YamlMappingNode result)
        {
            return null;
        }

        _pathMap.Add((step.ResolvedPath, writtenPath));
        var baseValue = step.BaseValue is null || ScalarReader.IsNull(step.BaseValue)
            ? "(not set)"
            : NodeText.Render(step.BaseValue);
        _assumptions.Add(new BranchAssumption(path, baseValue, NodeText.Render(value), description));
        return result;
    }

    private YamlNode? Replace(YamlNode container, int index, string resolvedPath, SetStep step)
    {
        var segment = step.Segments[index];
        var isLast = index == step.Segments.Count - 1;
        switch (container)
        {
            case YamlMappingNode mapping:
            {
                var childPath = NodePaths.Child(resolvedPath, segment);
                mapping.Children.TryGetValue(new YamlScalarNode(segment), out var existing);
                var replacement = isLast
                    ? Record(step, existing, childPath)
                    : Replace(existing is null || ScalarReader.IsNull(existing) ? NewMapping(step) : existing,
                        index + 1, childPath, step);
                return replacement is null ? null : CopyMapping(mapping, segment, replacement, step.KeyNode);
            }

            case YamlSequenceNode sequence:
            {
                var itemIndex = FindItem(sequence, segment);
                if (itemIndex < 0)
                {
                    ReportMissingItem(sequence, segment, resolvedPath, step);
                    return null;
                }

                var itemPath = NodePaths.Item(resolvedPath, itemIndex);
                var item = sequence.Children[itemIndex];
                var replacement = isLast ? Record(step, item, itemPath) : Replace(item, index + 1, itemPath, step);
                return replacement is null ? null : CopySequence(sequence, itemIndex, replacement);
            }

            default:
                _context.Report(step.KeyNode, step.WrittenPath, segment,
                    $"set path does not exist: '{resolvedPath}' is a single value and has no key '{segment}'");
                return null;
        }
    }

    private static YamlNode Record(SetStep step, YamlNode? baseValue, string resolvedPath)
    {
        step.BaseValue = baseValue;
        step.ResolvedPath = resolvedPath;
        return step.Value;
    }

    // An item is addressed by its index or, in lists of mappings with an id such as features, by its id.
    private static int FindItem(YamlSequenceNode sequence, string segment)
    {
        if (int.TryParse(segment, out var index))
        {
            return index >= 0 && index < sequence.Children.Count ? index : -1;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (IdOf(sequence.Children[i]) == segment)
            {
                return i;
            }
        }

        return -1;
    }

    private void ReportMissingItem(YamlSequenceNode sequence, string segment, string resolvedPath, SetStep step)
    {
        var ids = sequence.Children.Select(IdOf).OfType<string>().ToList();
        var known = ids.Count > 0
            ? $"{KeySuggestion.Hint(segment, ids)}; ids: {string.Join(", ", ids)}"
            : $"; indexes: 0 to {sequence.Children.Count - 1}";
        _context.Report(step.KeyNode, step.WrittenPath, segment,
            $"set path does not exist: no item '{segment}' in {resolvedPath}{known}");
    }

    private static string? IdOf(YamlNode item) =>
        item is YamlMappingNode mapping
        && mapping.Children.TryGetValue(new YamlScalarNode("id"), out var id)
        && id is YamlScalarNode { Value: { } text }
            ? text
            : null;

    private YamlMappingNode AddEvents(YamlMappingNode root, YamlSequenceNode added, string? description)
    {
        root.Children.TryGetValue(new YamlScalarNode("events"), out var existing);
        var events = existing as YamlSequenceNode;
        if (existing is not null && events is null)
        {
            return root;
        }

        var baseCount = events?.Children.Count ?? 0;
        var merged = new YamlSequenceNode((events?.Children ?? []).Concat(added.Children));
        Lines[merged] = events is null ? _context.LineOf(added) : _context.LineOf(events);
        for (var i = 0; i < added.Children.Count; i++)
        {
            var written = NodePaths.Item(NodePaths.Child(_overlayPath, "add_events"), i);
            _pathMap.Add((NodePaths.Item("events", baseCount + i), written));
            _assumptions.Add(new BranchAssumption(NodePaths.Item("add_events", i), "(not set)", NodeText.Render(added.Children[i]),
                description));
        }

        return CopyMapping(root, "events", merged, added);
    }

    private YamlMappingNode NewMapping(SetStep step)
    {
        var mapping = new YamlMappingNode();
        Lines[mapping] = _context.LineOf(step.KeyNode);
        return mapping;
    }

    private YamlMappingNode CopyMapping(YamlMappingNode original, string except)
    {
        var copy = new YamlMappingNode(original.Children.Where(e => e.Key is not YamlScalarNode { Value: var k }
            || k != except));
        Lines[copy] = LineOf(original);
        return copy;
    }

    // Copies the mapping with one key's value replaced, or appended when the key is new.
    private YamlMappingNode CopyMapping(YamlMappingNode original, string key, YamlNode value, YamlNode lineSource)
    {
        var keyNode = new YamlScalarNode(key);
        var entries = original.Children.ToList();
        var position = entries.FindIndex(e => e.Key.Equals(keyNode));
        if (position >= 0)
        {
            entries[position] = new(entries[position].Key, value);
        }
        else
        {
            Lines[keyNode] = LineOf(lineSource);
            entries.Add(new(keyNode, value));
        }

        var copy = new YamlMappingNode(entries);
        Lines[copy] = LineOf(original);
        return copy;
    }

    private YamlSequenceNode CopySequence(YamlSequenceNode original, int index, YamlNode value)
    {
        var items = original.Children.ToList();
        items[index] = value;
        var copy = new YamlSequenceNode(items);
        Lines[copy] = LineOf(original);
        return copy;
    }

    private long LineOf(YamlNode node) => Lines.TryGetValue(node, out var line) ? line : _context.LineOf(node);

    /// <summary>Splits <c>a.b[2].c</c> into a, b, 2, c; returns null for an empty segment.</summary>
    private static List<string>? SplitPath(string path)
    {
        var segments = IndexPattern().Replace(path, ".$1").Split('.');
        return segments.Any(s => s.Length == 0) ? null : [.. segments];
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex IndexPattern();

    private sealed class SetStep(List<string> segments, YamlNode keyNode, YamlNode value, string writtenPath)
    {
        public List<string> Segments { get; } = segments;

        public YamlNode KeyNode { get; } = keyNode;

        public YamlNode Value { get; } = value;

        public string WrittenPath { get; } = writtenPath;

        public YamlNode? BaseValue { get; set; }

        public string ResolvedPath { get; set; } = "";
    }
}
