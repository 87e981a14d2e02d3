using System.Text;
using Tokencast.Core.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Recalibration;

/// <summary>Adds entries to the top-level <c>set</c> block of scenario text, or appends the block.</summary>
internal static class SetBlockWriter
{
    /// <summary>
    /// Returns <paramref name="text"/> with its top-level <c>set</c> block replaced by one at the end of the
    /// file. Existing entries come first in their order, except those whose path is in
    /// <paramref name="entries"/>; the new entries follow in the order given.
    /// </summary>
    /// <remarks>
    /// NOTE: comments inside an existing <c>set</c> block are dropped, because the block is rewritten. The
    /// text must be block-style YAML at the top level: a JSON scenario would get an invalid YAML tail.
    /// </remarks>
    public static string Merge(string text, IReadOnlyList<(string Path, string Value)> entries)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var keptEntries = new List<(string Path, string Value)>();

        var keys = root.Children.Keys.ToList();
        var setIndex = keys.FindIndex(k => k is YamlScalarNode { Value: "set" });
        if (setIndex >= 0)
        {
            if (root.Children[keys[setIndex]] is YamlMappingNode existing)
            {
                keptEntries.AddRange(existing.Children
                    .Select(e => (Path: ((YamlScalarNode)e.Key).Value!, Value: NodeText.Render(e.Value)))
                    .Where(e => entries.All(n => n.Path != e.Path)));
            }

            // Lines are 1-based; the block runs from its key to the next top-level key or the end.
            var first = (int)keys[setIndex].Start.Line - 1;
            var end = setIndex + 1 < keys.Count ? (int)keys[setIndex + 1].Start.Line - 1 : lines.Count;
            lines.RemoveRange(first, end - first);
        }

        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(line).Append('\n');
        }

        builder.Append("set:\n");
        foreach (var (path, value) in keptEntries.Concat(entries))
        {
            builder.Append("  ").Append(path).Append(": ").Append(value).Append('\n');
        }

        return builder.ToString();
    }
}
