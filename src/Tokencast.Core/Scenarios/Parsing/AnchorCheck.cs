using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Rejects YAML anchors (<c>&amp;name</c>) and aliases (<c>*name</c>). Scenario files do not need them, and
/// nested aliases let a few lines expand to a tree of billions of nodes when a message renders it.
/// </summary>
internal static class AnchorCheck
{
    private const string Message = "anchors and aliases are not supported in scenario files; "
        + "write the value out in full";

    /// <summary>
    /// Returns one problem per anchored node. The walk visits each node object once, because YamlDotNet
    /// resolves every alias to the anchored node itself, so shared subtrees are not expanded.
    /// </summary>
    public static List<InputProblem> Find(YamlNode root, string? fileName)
    {
        var problems = new List<InputProblem>();
        var visited = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            if (!node.Anchor.IsEmpty)
            {
                var anchor = NodeText.Shorten("&" + node.Anchor.Value);
                problems.Add(new InputProblem(fileName, node.Start.Line, null, anchor, Message));
            }

            foreach (var child in Children(node))
            {
                pending.Push(child);
            }
        }

        return [.. problems.OrderBy(p => p.Line)];
    }

    private static IEnumerable<YamlNode> Children(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => sequence.Children,
        YamlMappingNode mapping => mapping.Children.SelectMany(entry => new[] { entry.Key, entry.Value }),
        _ => [],
    };
}
